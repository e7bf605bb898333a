// Structured logs: one JSON line per event on stdout. Callers never pass tokens, only token ids.
export type Logger = (entry: { event: string } & Record<string, unknown>) => void;

export const jsonLogger: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

export const silentLogger: Logger = () => {};
