/**
 * When to try a mail again after SES refused it: quickly at first (a passing fault), then
 * further apart, for about two days before a person is told.
 */
export const retryDelaysMinutes = [5, 15, 60, 180, 360, 720, 1440] as const;

/** How long a run keeps a claimed message to itself, so an overlapping run does not send it twice. */
export const claimMinutes = 10;

/** Sent mail is kept for a month as proof of delivery, then expires (data minimisation). */
export const sentRetentionDays = 30;

/**
 * A mail that could never be sent is kept as long, for staff to see what was lost (they were
 * alerted), then expires: it holds the person's address and words, and was kept forever before.
 */
export const failedRetentionDays = 30;

export type AfterFailure = { kind: 'retry'; dueAt: Date } | { kind: 'give-up' };

/** `attempts` counts the attempt that just failed. */
export const afterFailure = (attempts: number, now: Date): AfterFailure => {
  const delay = retryDelaysMinutes[attempts - 1];
  if (delay === undefined) return { kind: 'give-up' };
  return { kind: 'retry', dueAt: addMinutes(now, delay) };
};

export const addMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);
