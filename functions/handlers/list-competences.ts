import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { listCompetences } from '../use-cases/directory/competences.ts';
import { directoryDependencies, knownNetworkIds } from '../wiring/directory.ts';

/** GET /api/staff/competences[?network=] — the catalogue as staff keep it, retired competences included. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, query }) =>
  jsonResponse(200, await listCompetences(directoryDependencies(), actor, query)),
);
