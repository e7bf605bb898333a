// Calendar arithmetic for the demo programme, on ISO dates (YYYY-MM-DD) in UTC.
const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A time of day in Ecuador (UTC−5, no summer time) as an ISO timestamp. */
export function localTime(date: string, hour: number, minute: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + ((hour + 5) * 60 + minute) * 60_000).toISOString();
}
