import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { listCommittees } from '../use-cases/committee/committees.ts';
import { knownNetworkIds, staffReadDependencies } from '../wiring/staff.ts';

/** GET /api/staff/committees[?network=] — the committees of the networks in scope, in date order. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, query }) =>
  jsonResponse(200, await listCommittees(staffReadDependencies(), actor, query)),
);
