import type { ApplicationStatus } from '../../../shared/application-lifecycle.ts';
import type { ApplicationData } from '../../db/entities/application.ts';
import type { StoredSubmission } from '../../db/entities/submission.ts';
import { type HistoryEntry, planMove } from '../../domain/applications/lifecycle.ts';
import type { Mission } from '../../domain/missions/mission.ts';
import type { MissionReadDeps } from './dependencies.ts';

/**
 * Where the application should be, given its missions: `in-progress` from its first mission,
 * `closed` once every one of them is closed. The mission is written first (it is the source of
 * truth); this then moves the application, and since every mission action calls it, a move that a
 * crash interrupted is finished by the retry or by the next action.
 */
const targetOf = (status: ApplicationStatus, missions: readonly Mission[]): ApplicationStatus | undefined => {
  if (missions.length === 0) return undefined;
  if (status === 'approved') return 'in-progress';
  if (status === 'in-progress' && missions.every((mission) => mission.status === 'closed')) return 'closed';
  return undefined;
};

export const settleApplication = async (
  deps: Pick<MissionReadDeps, 'applications'>,
  application: StoredSubmission<ApplicationData>,
  missions: readonly Mission[],
  actor: HistoryEntry['actor'],
  now: Date,
): Promise<ApplicationStatus> => {
  let current = application;
  // approved → in-progress → closed: at most two moves, and a lost race re-reads once per move.
  for (let attempt = 0; attempt < 4; attempt++) {
    const to = targetOf(current.status, missions);
    if (!to) return current.status;
    const entry = planMove(current, { to }, 'missions', actor, now);
    const result = await deps.applications.move(current, current.version, entry, { notify: false });
    if ('moved' in result) current = result.moved;
    else if (result.stale) current = result.stale;
    else return current.status;
  }
  return current.status;
};
