import * as z from 'zod/mini';
import type { MissionView } from '../../../shared/missions.ts';
import { startMission } from '../../domain/missions/rules.ts';
import { type Actor, mayChange } from '../../domain/staff/actor.ts';
import type { MissionsDeps } from './dependencies.ts';
import { applyChange, who } from './staff-missions.ts';
import { sendStartMails } from './start-mails.ts';
import { located, viewOf } from './views.ts';

/** A mission started: the volunteer and the SME are told, with its calendar. */
export const startApplicationMission = async (
  deps: MissionsDeps,
  actor: Actor,
  id: string,
  raw: unknown,
  now: Date,
): Promise<MissionView> => {
  const { version } = z.parse(
    z.object({ version: z.int({ error: 'La version de la mission manque.' }) }),
    raw,
  );
  const found = await located(deps, id);
  // Started already (a retry after a lost answer, or a crash before the mails): the mails are queued
  // again under the same outbox ids, so they go once.
  if (
    found &&
    mayChange(actor, found.mission.network) &&
    found.mission.status === 'active' &&
    found.mission.version === version + 1 &&
    found.mission.history.at(-1)?.change === 'started'
  ) {
    await sendStartMails(deps, found.mission, found, now);
    return viewOf(deps, actor, found.mission, found.application);
  }
  return applyChange(
    deps,
    actor,
    id,
    version,
    (mission) => startMission(mission, who(actor), now),
    now,
    (saved, all) => sendStartMails(deps, saved, all, now),
  );
};
