import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { liftSuppression } from '../use-cases/mail-events/suppressions.ts';
import { mailEventDependencies } from '../wiring/mail-events.ts';
import { knownNetworkIds } from '../wiring/staff.ts';

/** POST /api/staff/suppressions/{key}/lift — mail may go to this address again (`{ version }`). */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, now }) =>
  jsonResponse(200, await liftSuppression(mailEventDependencies(), actor, parameter('key'), body(), now)),
);
