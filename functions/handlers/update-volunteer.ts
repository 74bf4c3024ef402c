import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { updateVolunteer } from '../use-cases/directory/volunteers.ts';
import { directoryDependencies, knownNetworkIds } from '../wiring/directory.ts';

/** PUT /api/staff/volunteers/{id} — a volunteer’s fiche, on the version read. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, query, now }) =>
  jsonResponse(
    200,
    await updateVolunteer(directoryDependencies(), actor, parameter('id'), body(), query, now),
  ),
);
