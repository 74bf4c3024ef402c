import { jsonResponse } from '../http/errors.ts';
import { clientAddress, readJsonBody } from '../http/form-request.ts';
import { httpHandler } from '../http/middy.ts';
import { recordHalfDayAnswer } from '../use-cases/missions/half-day-answers.ts';
import { publicPostLimit } from '../wiring/form-protection.ts';
import { missionLinkDependencies } from '../wiring/mission-links.ts';

/** POST /api/half-days — « the half-day took place », or did not, from its signed link. */
export const handler = httpHandler(async (event) => {
  const now = new Date();
  const { limit, edgeSecret } = publicPostLimit();
  // Counted with the forms' posts, as an outcome form's answer is.
  await limit(clientAddress(event, edgeSecret), now);
  return jsonResponse(200, await recordHalfDayAnswer(missionLinkDependencies(), readJsonBody(event), now));
});
