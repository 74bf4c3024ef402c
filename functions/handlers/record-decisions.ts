import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { recordDecisions } from '../use-cases/committee/committees.ts';
import { knownNetworkIds } from '../wiring/networks.ts';
import { staffDependencies } from '../wiring/staff-mail.ts';

/** POST /api/staff/committees/{id}/decisions — every decision of one meeting at once. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, now }) =>
  jsonResponse(200, await recordDecisions(staffDependencies(), actor, parameter('id'), body(), now)),
);
