import { jsonResponse } from '../http/errors.ts';
import { httpHandler } from '../http/middy.ts';
import { readApplicationStatus } from '../use-cases/applications/application-status.ts';
import { statusPageDependencies as deps } from '../wiring/status-links.ts';

/** GET /api/status?t=<token> — the SME's status page, from its signed link. */
export const handler = httpHandler(async (event) =>
  jsonResponse(200, await readApplicationStatus(deps(), event.queryStringParameters?.t, new Date()), {
    // The answer is for the holder of the link alone.
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  }),
);
