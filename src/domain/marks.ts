// What reading a record through the schema marks on its fields: values written at once on two devices, bad values.

/** One value of a field that two devices changed at once (M2): who wrote it, when, from which device. */
export interface ConflictValue {
  value: unknown;
  at: string;
  by: string;
  device: string;
}

/** What reading a record through the schema found, by field path ("title", "sectors.health.severity"). */
export interface FieldMarks {
  /** Fields with values written concurrently on two devices, the shown one first. */
  conflicts: Readonly<Record<string, readonly ConflictValue[]>>;
  /** Fields whose stored value is not one the schema accepts: shown as invalid, read as their default. */
  invalid: Readonly<Record<string, unknown>>;
}

export const NO_MARKS: FieldMarks = Object.freeze({
  conflicts: Object.freeze({}),
  invalid: Object.freeze({}),
});
