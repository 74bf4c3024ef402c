import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { listApplicationMissions } from '../use-cases/missions/staff-missions.ts';
import { missionReadDependencies } from '../wiring/missions.ts';
import { knownNetworkIds } from '../wiring/networks.ts';

/** GET /api/staff/applications/{reference}/missions — an application's missions, and what a new one may be made of. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter }) =>
  jsonResponse(200, await listApplicationMissions(missionReadDependencies(), actor, parameter('reference'))),
);
