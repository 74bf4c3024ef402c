import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { startApplicationMission } from '../use-cases/missions/mission-launch.ts';
import { missionDependencies } from '../wiring/mission-mail.ts';
import { knownNetworkIds } from '../wiring/networks.ts';

/** POST /api/staff/missions/{id}/start — started, the volunteer and the SME told. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, now }) =>
  jsonResponse(
    200,
    await startApplicationMission(missionDependencies(), actor, parameter('id'), body(), now),
  ),
);
