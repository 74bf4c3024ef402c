import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { setOpinion } from '../use-cases/applications/read-applications.ts';
import { knownNetworkIds, staffReadDependencies } from '../wiring/staff.ts';

/** PUT /api/staff/applications/{reference}/opinion — staff's opinion, for the committee's agenda. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, now }) =>
  jsonResponse(200, await setOpinion(staffReadDependencies(), actor, parameter('reference'), body(), now)),
);
