// The version of this build, shown in Settings so a user (and the update test) can tell which one runs.
import { version as packageVersion } from '../../package.json';

/** VITE_APP_VERSION, when set at build time, names a deployment; otherwise the package version. */
export const APP_VERSION: string = (import.meta.env.VITE_APP_VERSION as string | undefined) || packageVersion;
