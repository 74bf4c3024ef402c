import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { createCompetence } from '../use-cases/directory/competences.ts';
import { directoryDependencies, knownNetworkIds } from '../wiring/directory.ts';
import { staffReplayStore } from '../wiring/form-protection.ts';

/** POST /api/staff/competences — a new competence of the staff member’s network. */
export const handler = staffHandler(
  knownNetworkIds,
  async ({ actor, body, now }) =>
    jsonResponse(201, await createCompetence(directoryDependencies(), actor, body(), now)),
  { replayStore: () => staffReplayStore() },
);
