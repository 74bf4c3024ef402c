import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { createApplicationMission } from '../use-cases/missions/staff-missions.ts';
import { missionReplayStore } from '../wiring/form-protection.ts';
import { missionReadDependencies } from '../wiring/missions.ts';
import { knownNetworkIds } from '../wiring/networks.ts';

/** POST /api/staff/applications/{reference}/missions — a mission for an approved application. */
export const handler = staffHandler(
  knownNetworkIds,
  async ({ actor, parameter, body, now }) =>
    jsonResponse(
      201,
      await createApplicationMission(missionReadDependencies(), actor, parameter('reference'), body(), now),
    ),
  { replayStore: () => missionReplayStore() },
);
