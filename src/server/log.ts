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
