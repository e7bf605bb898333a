// The version of the stored record layout, apart from the schema itself so the first screen loads no validator.

/** Bumped when the stored layout changes; a record of a newer version is shown read-only, never rewritten. */
export const SCHEMA_VERSION = 2;
