import { jobHandler } from '../http/middy.ts';
import { logger } from '../runtime/logger.ts';
import { sendOutcomeFollowUps } from '../use-cases/missions/follow-ups.ts';
import { missionJobDependencies } from '../wiring/mission-mail.ts';

/** Daily (shared/schedules.ts): the SMEs' 12- and 24-month follow-ups that are due. */
export const handler = jobHandler(
  'outcome-follow-ups',
  async (now) => {
    const report = await sendOutcomeFollowUps(missionJobDependencies(), now);
    logger.info('Outcome follow-ups run', report);
    return report;
  },
  (report) => ({ FollowUpsSent: report.queued }),
);
