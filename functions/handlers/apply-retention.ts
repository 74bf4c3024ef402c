import { jobHandler } from '../http/middy.ts';
import { logger } from '../runtime/logger.ts';
import { applyRetention } from '../use-cases/privacy/apply-retention.ts';
import { retentionDependencies } from '../wiring/privacy.ts';

/** Scheduled every night (shared/schedules.ts): anonymises what is three years past its last contact. */
export const handler = jobHandler('apply-retention', async (now) => {
  const report = await applyRetention(retentionDependencies(), now);
  // Counts only: no reference, no name.
  logger.info('Retention run', { ...report });
  return report;
});
