import * as z from 'zod/mini';
import { closingSchema } from '../../../shared/missions.ts';
import { closeMission } from '../../domain/missions/rules.ts';
import type { Actor } from '../../domain/staff/actor.ts';
import type { MissionsDeps } from './dependencies.ts';
import { askOutcomes } from './outcome-mails.ts';
import { applyChange, who } from './staff-missions.ts';

/** A mission closed with the outcomes staff enter, or its outcome forms mailed to the SME and the volunteer. */
export const closeApplicationMission = (
  deps: MissionsDeps,
  actor: Actor,
  id: string,
  raw: unknown,
  now: Date,
) => {
  const request = z.parse(closingSchema, raw);
  return applyChange(
    deps,
    actor,
    id,
    request.version,
    (mission) => closeMission(mission, request, who(actor), now),
    now,
    async (saved, found) => {
      if (saved.status === 'closing') await askOutcomes(deps, saved, found, now);
    },
  );
};
