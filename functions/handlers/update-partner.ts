import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { updatePartner } from '../use-cases/directory/partners.ts';
import { directoryDependencies, knownNetworkIds } from '../wiring/directory.ts';

/** PUT /api/staff/partners/{id} — the partner’s fiche, on the version read. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, query, now }) =>
  jsonResponse(200, await updatePartner(directoryDependencies(), actor, parameter('id'), body(), query, now)),
);
