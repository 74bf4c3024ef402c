import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { readMission } from '../use-cases/missions/staff-missions.ts';
import { missionReadDependencies } from '../wiring/missions.ts';
import { knownNetworkIds } from '../wiring/networks.ts';

/** GET /api/staff/missions/{id} — one mission, its half-days, outcomes and history. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter }) =>
  jsonResponse(200, await readMission(missionReadDependencies(), actor, parameter('id'))),
);
