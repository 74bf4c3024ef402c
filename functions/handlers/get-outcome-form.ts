import { jsonResponse } from '../http/errors.ts';
import { httpHandler } from '../http/middy.ts';
import { readOutcomeForm } from '../use-cases/missions/outcome-forms.ts';
import { missionLinkDependencies } from '../wiring/mission-links.ts';

/** GET /api/outcomes?t=<token> — what a mission's outcome form asks, from its signed link. */
export const handler = httpHandler(async (event) =>
  jsonResponse(
    200,
    await readOutcomeForm(missionLinkDependencies(), event.queryStringParameters?.t, new Date()),
    {
      'referrer-policy': 'no-referrer',
    },
  ),
);
