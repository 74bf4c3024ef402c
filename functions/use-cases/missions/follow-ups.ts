import { followUpSent } from '../../domain/missions/rules.ts';
import type { MissionsDeps } from './dependencies.ts';
import { queueFollowUp } from './outcome-mails.ts';

/** A run takes at most this many missions: the next day's run takes the rest. */
export const followUpBatchSize = 50;

/**
 * The daily job: the closed missions whose 12- or 24-month follow-up is due, read through byDueDate
 * (never a Scan). For each, the SME's form is queued under an id naming the mission and the month
 * (queued twice, it goes once), then the mission is written with the next follow-up due, or none.
 * A crash in between leaves the mission due: the next run queues nothing new and moves it on.
 */
export const sendOutcomeFollowUps = async (deps: MissionsDeps, now: Date) => {
  const due = await deps.missions.listFollowUpsDue(now, followUpBatchSize);
  let queued = 0;
  for (const listed of due) {
    const found = await deps.missions.forApplication(listed.reference);
    const mission = found?.missions.find((candidate) => candidate.number === listed.number);
    const next = mission?.nextFollowUp;
    if (!found || !mission || !next || next.dueAt > now.toISOString() || mission.status !== 'closed')
      continue;
    await queueFollowUp(deps, mission, found, next.month, now);
    // A lost race (someone changed the mission meanwhile) leaves it due for tomorrow's run.
    await deps.missions.save(followUpSent(mission, next.month, now));
    queued++;
  }
  return { due: due.length, queued };
};
