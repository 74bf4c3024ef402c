import { jsonResponse } from '../http/errors.ts';
import { httpHandler } from '../http/middy.ts';
import { readHalfDayQuestion } from '../use-cases/missions/half-day-answers.ts';
import { missionLinkDependencies } from '../wiring/mission-links.ts';

/** GET /api/half-days?t=<token> — the half-day a « has it taken place? » link asks about. */
export const handler = httpHandler(async (event) =>
  jsonResponse(
    200,
    await readHalfDayQuestion(missionLinkDependencies(), event.queryStringParameters?.t, new Date()),
    { 'referrer-policy': 'no-referrer' },
  ),
);
