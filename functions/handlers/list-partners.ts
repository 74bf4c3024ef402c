import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { listPartners } from '../use-cases/directory/partners.ts';
import { directoryDependencies, knownNetworkIds } from '../wiring/directory.ts';

/** GET /api/staff/partners[?network=] — the partner companies of the networks in scope, by name. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, query }) =>
  jsonResponse(200, await listPartners(directoryDependencies(), actor, query)),
);
