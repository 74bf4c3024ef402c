import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { startApplicationMission } from '../use-cases/missions/staff-missions.ts';
import { missionDependencies } from '../wiring/missions.ts';
import { knownNetworkIds } from '../wiring/networks.ts';

/** POST /api/staff/missions/{id}/start — started, the volunteer and the SME told. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, now }) =>
  jsonResponse(
    200,
    await startApplicationMission(missionDependencies(), actor, parameter('id'), body(), now),
  ),
);
