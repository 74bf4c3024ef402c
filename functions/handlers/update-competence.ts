import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { updateCompetence } from '../use-cases/directory/competences.ts';
import { directoryDependencies, knownNetworkIds } from '../wiring/directory.ts';

/** PUT /api/staff/competences/{id} — a competence’s label, domain, description and partners. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, query, now }) =>
  jsonResponse(
    200,
    await updateCompetence(directoryDependencies(), actor, parameter('id'), body(), query, now),
  ),
);
