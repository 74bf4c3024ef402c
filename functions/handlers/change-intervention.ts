import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { changeMissionIntervention } from '../use-cases/missions/staff-missions.ts';
import { missionReadDependencies } from '../wiring/missions.ts';
import { knownNetworkIds } from '../wiring/networks.ts';

/** POST /api/staff/missions/{id}/interventions/{interventionId} — a half-day rescheduled, cancelled or done. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, now }) =>
  jsonResponse(
    200,
    await changeMissionIntervention(
      missionReadDependencies(),
      actor,
      parameter('id'),
      parameter('interventionId'),
      body(),
      now,
    ),
  ),
);
