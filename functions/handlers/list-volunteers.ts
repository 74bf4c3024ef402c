import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { listVolunteers } from '../use-cases/directory/volunteers.ts';
import { directoryDependencies, knownNetworkIds } from '../wiring/directory.ts';

/** GET /api/staff/volunteers[?network=&partner=] — the volunteers of the networks in scope. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, query }) =>
  jsonResponse(200, await listVolunteers(directoryDependencies(), actor, query)),
);
