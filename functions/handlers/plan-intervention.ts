import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { planMissionIntervention } from '../use-cases/missions/staff-missions.ts';
import { missionReplayStore } from '../wiring/form-protection.ts';
import { missionReadDependencies } from '../wiring/missions.ts';
import { knownNetworkIds } from '../wiring/networks.ts';

/** POST /api/staff/missions/{id}/interventions — a half-day planned. */
export const handler = staffHandler(
  knownNetworkIds,
  async ({ actor, parameter, body, now }) =>
    jsonResponse(
      201,
      await planMissionIntervention(missionReadDependencies(), actor, parameter('id'), body(), now),
    ),
  { replayStore: () => missionReplayStore() },
);
