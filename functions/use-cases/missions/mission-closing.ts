import * as z from 'zod/mini';
import { closingSchema, type MissionView } from '../../../shared/missions.ts';
import { closeMission } from '../../domain/missions/rules.ts';
import { type Actor, mayChange } from '../../domain/staff/actor.ts';
import type { MissionsDeps } from './dependencies.ts';
import { askOutcomes } from './outcome-mails.ts';
import { applyChange, who } from './staff-missions.ts';
import { located, viewOf } from './views.ts';

/** A mission closed with the outcomes staff enter, or its outcome forms mailed to the SME and the volunteer. */
export const closeApplicationMission = async (
  deps: MissionsDeps,
  actor: Actor,
  id: string,
  raw: unknown,
  now: Date,
): Promise<MissionView> => {
  const request = z.parse(closingSchema, raw);
  if (request.mode === 'ask') {
    const found = await located(deps, id);
    const mission = found?.mission;
    // Asked already by this very request (a retry after a lost answer, or a crash before the mails):
    // the forms are queued again under the same outbox ids, so they go once.
    if (
      found &&
      mission &&
      mayChange(actor, mission.network) &&
      mission.status === 'closing' &&
      mission.version === request.version + 1 &&
      mission.history.at(-1)?.change === 'closing'
    ) {
      await askOutcomes(deps, mission, found, now);
      return viewOf(deps, actor, mission, found.application);
    }
  }
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
    (last) => last.change === (request.mode === 'ask' ? 'closing' : 'closed'),
  );
};
