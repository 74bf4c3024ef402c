import { jsonResponse } from '../http/errors.ts';
import { clientAddress, readJsonBody } from '../http/form-request.ts';
import { httpHandler } from '../http/middy.ts';
import { answerOutcomeForm } from '../use-cases/missions/outcome-forms.ts';
import { publicPostLimit } from '../wiring/form-protection.ts';
import { missionLinkDependencies } from '../wiring/mission-links.ts';

/** POST /api/outcomes — the answer to a signed outcome form; it closes a mission waiting for the SME's. */
export const handler = httpHandler(async (event) => {
  const now = new Date();
  const { limit, edgeSecret } = publicPostLimit();
  // Counted with the forms' posts, as a new status link is.
  await limit(clientAddress(event, edgeSecret), now);
  return jsonResponse(200, await answerOutcomeForm(missionLinkDependencies(), readJsonBody(event), now));
});
