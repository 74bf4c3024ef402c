/**
 * Submissions are counted per client and per clock hour (a fixed window: simple, one counter item,
 * and at worst twice the limit across the turn of an hour).
 */
export interface RateWindow {
  /** `2026-07-01T08`: the UTC hour the window covers. */
  id: string;
  endsAt: Date;
}

export const hourWindow = (now: Date): RateWindow => {
  const start = new Date(now);
  start.setUTCMinutes(0, 0, 0);
  return { id: start.toISOString().slice(0, 13), endsAt: new Date(start.getTime() + 3_600_000) };
};

/** Whole seconds until the window ends, at least one: what `Retry-After` says. */
export const retryAfterSeconds = (window: RateWindow, now: Date): number =>
  Math.max(1, Math.ceil((window.endsAt.getTime() - now.getTime()) / 1000));

/** The day whose salt hashes client addresses: changing daily, so no hash outlives a day's counters. */
export const saltDay = (now: Date): string => now.toISOString().slice(0, 10);
