import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { createVolunteer } from '../use-cases/directory/volunteers.ts';
import { directoryDependencies, knownNetworkIds } from '../wiring/directory.ts';
import { staffReplayStore } from '../wiring/form-protection.ts';

/** POST /api/staff/volunteers — a partner’s employee who will run missions. */
export const handler = staffHandler(
  knownNetworkIds,
  async ({ actor, body, now }) =>
    jsonResponse(201, await createVolunteer(directoryDependencies(), actor, body(), now)),
  { replayStore: () => staffReplayStore() },
);
