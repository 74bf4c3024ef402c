import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { getPartner } from '../use-cases/directory/partners.ts';
import { directoryDependencies, knownNetworkIds } from '../wiring/directory.ts';

/** GET /api/staff/partners/{id}[?network=] — one partner with its volunteers and competences. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, query }) =>
  jsonResponse(200, await getPartner(directoryDependencies(), actor, parameter('id'), query)),
);
