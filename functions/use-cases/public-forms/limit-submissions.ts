import type { RateLimitRepository } from '../../db/rate-limit-repository.ts';
import { TooManySubmissionsError } from '../../domain/errors.ts';
import { clientKey } from '../../domain/public-forms/client-key.ts';
import { hourWindow, retryAfterSeconds, saltDay } from '../../domain/public-forms/rate-limit.ts';

export interface LimitSubmissionsDeps {
  rateLimits: RateLimitRepository;
  limitPerHour: number;
}

/**
 * Counts a submission from this address, across the three forms, and refuses it past the hourly
 * limit (TooManySubmissionsError → 429 with Retry-After). The day's salt is kept for the life of
 * the function instance, so a warm request costs one UpdateItem.
 */
export const submissionLimiter = (deps: LimitSubmissionsDeps) => {
  const salts = new Map<string, Promise<string>>();
  const saltFor = (day: string, now: Date) => {
    let salt = salts.get(day);
    if (!salt) {
      salt = deps.rateLimits.saltOf(day, now);
      salts.clear();
      salts.set(day, salt);
      // A failed read is not kept: the next request tries again.
      salt.catch(() => salts.delete(day));
    }
    return salt;
  };
  return async (address: string, now: Date): Promise<void> => {
    const window = hourWindow(now);
    const key = clientKey(await saltFor(saltDay(now), now), address);
    const count = await deps.rateLimits.countSubmission(key, window);
    if (count > deps.limitPerHour) throw new TooManySubmissionsError(retryAfterSeconds(window, now));
  };
};
