import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { setCompetenceStatus } from '../use-cases/directory/competences.ts';
import { directoryDependencies, knownNetworkIds } from '../wiring/directory.ts';

/** PUT /api/staff/competences/{id}/status — retire or reinstate a competence. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, query, now }) =>
  jsonResponse(
    200,
    await setCompetenceStatus(directoryDependencies(), actor, parameter('id'), body(), query, now),
  ),
);
