import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { editApplicationMission } from '../use-cases/missions/staff-missions.ts';
import { missionReadDependencies } from '../wiring/missions.ts';
import { knownNetworkIds } from '../wiring/networks.ts';

/** PATCH /api/staff/missions/{id} — its checklist, half-days planned or dates. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, now }) =>
  jsonResponse(
    200,
    await editApplicationMission(missionReadDependencies(), actor, parameter('id'), body(), now),
  ),
);
