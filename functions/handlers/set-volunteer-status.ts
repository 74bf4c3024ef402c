import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { setVolunteerStatus } from '../use-cases/directory/volunteers.ts';
import { directoryDependencies, knownNetworkIds } from '../wiring/directory.ts';

/** PUT /api/staff/volunteers/{id}/status — retire or reinstate a volunteer, history kept. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, query, now }) =>
  jsonResponse(
    200,
    await setVolunteerStatus(directoryDependencies(), actor, parameter('id'), body(), query, now),
  ),
);
