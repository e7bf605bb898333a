// Structured logs: one JSON line per event on stdout. Callers never pass tokens, only token ids.
export type Logger = (entry: { event: string } & Record<string, unknown>) => void;

export const jsonLogger: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

export const silentLogger: Logger = () => {};

/** A short readable cause for a log line or a health report. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // A refused connection to a host with several addresses is an AggregateError with an empty message.
  const code = (error as { code?: unknown }).code;
  return error.message || (typeof code === 'string' ? code : error.name);
}

/** Longest untrusted string a log line repeats (document names, paths, reasons, messages). */
export const MAX_LOGGED_CHARS = 200;

function bounded(value: unknown, depth: number): unknown {
  if (typeof value === 'string') {
    return value.length <= MAX_LOGGED_CHARS
      ? value
      : `${value.slice(0, MAX_LOGGED_CHARS)}… (${value.length} chars)`;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= 3) return '[nested]';
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => bounded(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, 40)
      .map(([k, v]) => [k.slice(0, MAX_LOGGED_CHARS), bounded(v, depth + 1)]),
  );
}

/** Wraps a logger so that no field a client chose can make a line long: a flood of bad input stays small. */
export function boundedLogger(log: Logger): Logger {
  return (entry) => log(bounded(entry, 0) as typeof entry);
}
