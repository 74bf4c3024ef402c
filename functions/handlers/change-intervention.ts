import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { changeMissionIntervention } from '../use-cases/missions/intervention-changes.ts';
import { missionDependencies } from '../wiring/mission-mail.ts';
import { knownNetworkIds } from '../wiring/networks.ts';

/**
 * POST /api/staff/missions/{id}/interventions/{interventionId} — a half-day rescheduled, cancelled or
 * done; moved or cancelled in a started mission, the volunteer and the SME told.
 */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, now }) =>
  jsonResponse(
    200,
    await changeMissionIntervention(
      missionDependencies(),
      actor,
      parameter('id'),
      parameter('interventionId'),
      body(),
      now,
    ),
  ),
);
