import * as z from 'zod/mini';
import { interventionChangeSchema } from '../../../shared/missions.ts';
import { changeIntervention, interventionChangeOf } from '../../domain/missions/rules.ts';
import type { Actor } from '../../domain/staff/actor.ts';
import { sendHalfDayChangeMails } from './change-mails.ts';
import type { MissionsDeps } from './dependencies.ts';
import { applyChange, who } from './staff-missions.ts';

/**
 * A half-day rescheduled, cancelled or done. Apart from the other staff actions on a mission: moved or
 * cancelled in a started mission, it tells the volunteer and the SME with the calendar attached, and
 * only the function of this route should bundle the mail and the calendar for it.
 */
export const changeMissionIntervention = (
  deps: MissionsDeps,
  actor: Actor,
  id: string,
  interventionId: string,
  raw: unknown,
  now: Date,
) => {
  const request = z.parse(interventionChangeSchema, raw);
  const change = interventionChangeOf[request.action];
  return applyChange(
    deps,
    actor,
    id,
    request.version,
    (mission) => changeIntervention(mission, interventionId, request, who(actor), now),
    now,
    (saved, found) => sendHalfDayChangeMails(deps, saved, found, interventionId, now),
    (last, mission) => {
      if (last.change !== change || last.interventionId !== interventionId) return false;
      if (request.action !== 'reschedule') return true;
      const moved = mission.interventions.find((intervention) => intervention.id === interventionId);
      return (request.date ?? moved?.date) === moved?.date && (request.slot ?? moved?.slot) === moved?.slot;
    },
  );
};
