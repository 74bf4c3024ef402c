import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { createPartner } from '../use-cases/directory/partners.ts';
import { directoryDependencies, knownNetworkIds } from '../wiring/directory.ts';
import { staffReplayStore } from '../wiring/form-protection.ts';

/** POST /api/staff/partners — a new partner company of the staff member’s network. */
export const handler = staffHandler(
  knownNetworkIds,
  async ({ actor, body, now }) =>
    jsonResponse(201, await createPartner(directoryDependencies(), actor, body(), now)),
  { replayStore: () => staffReplayStore() },
);
