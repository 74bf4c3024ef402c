import type { FormName } from '../../shared/forms.ts';
import { documentClient, dynamoDbClient } from '../db/client.ts';
import { idempotencyStore } from '../db/idempotency-store.ts';
import { rateLimitRepository } from '../db/rate-limit-repository.ts';
import type { FormProtection } from '../http/public-form.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import { submissionLimiter } from '../use-cases/public-forms/limit-submissions.ts';

/** The rate limit is counted across the three forms, so one limiter serves them all. */
const limiter = once(() => {
  const settings = config();
  return submissionLimiter({
    rateLimits: rateLimitRepository(documentClient(), settings.dataTableName),
    limitPerHour: settings.formRateLimitPerHour,
  });
});

export const formProtection = (form: FormName): FormProtection => {
  const settings = config();
  return {
    replayStore: idempotencyStore(dynamoDbClient(), settings.dataTableName, form),
    limit: limiter(),
    edgeSecret: settings.edgeSecret,
  };
};

/** The hourly limit alone, for public posts that are not forms (a new status link). */
export const publicPostLimit = () => ({ limit: limiter(), edgeSecret: config().edgeSecret });

/** Where the back office's creating posts keep their answers for replay. */
export const staffReplayStore = () =>
  idempotencyStore(dynamoDbClient(), config().dataTableName, 'staff-application');

/** Where the missions' creating posts (a mission, a half-day) keep their answers for replay. */
export const missionReplayStore = () =>
  idempotencyStore(dynamoDbClient(), config().dataTableName, 'staff-mission');
