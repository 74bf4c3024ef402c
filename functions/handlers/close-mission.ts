import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { closeApplicationMission } from '../use-cases/missions/mission-closing.ts';
import { missionDependencies } from '../wiring/mission-mail.ts';
import { knownNetworkIds } from '../wiring/networks.ts';

/** POST /api/staff/missions/{id}/closing — closed with the outcomes staff enter, or the outcome forms mailed. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, now }) =>
  jsonResponse(
    200,
    await closeApplicationMission(missionDependencies(), actor, parameter('id'), body(), now),
  ),
);
