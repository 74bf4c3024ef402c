import type { HalfDaySlot } from '../../../shared/missions.ts';
import type { Mission } from '../missions/mission.ts';
import { addDays, type DueReason, dueOn } from './mission-due.ts';
import { addWorkingDays, workingDaysBetween } from './working-days.ts';

/**
 * What a network's staff are told each working morning, as pure selections over what the job read.
 * Each line of the digest is one of these sections; the job sends the digest only when one is not
 * empty.
 */
export const qualificationWorkingDays = 5;
export const committeeNoticeDays = 10;

/**
 * The last day of receipt whose applications are late today: received that day or before, an
 * application still `received` has waited 5 working days or more (the day of receipt not counted,
 * weekends and public holidays not counted).
 */
export const lateReceiptCutoff = (today: string): string => {
  let day = addDays(today, -1);
  while (addWorkingDays(day, qualificationWorkingDays) > today) day = addDays(day, -1);
  return day;
};

export const isLateForQualification = (receivedOn: string, today: string): boolean =>
  workingDaysBetween(receivedOn, today) >= qualificationWorkingDays;

/** Committees worth a line: from today to 10 days ahead, both included. */
export const committeeRange = (today: string) => ({ from: today, to: addDays(today, committeeNoticeDays) });

/**
 * « To prepare » for a committee: an application on its agenda (status `scheduled` for that
 * committee) whose staff opinion, printed on the agenda, is not written yet.
 */
export const needsPreparing = (
  application: { status: string; committee?: { id: string }; opinion?: string },
  committeeId: string,
): boolean =>
  application.status === 'scheduled' &&
  application.committee?.id === committeeId &&
  !application.opinion?.trim();

export interface DigestMission {
  mission: Mission;
  companyName: string;
}

export interface MissionDigestLines {
  upcoming: { missionId: string; companyName: string; date: string; slot: HalfDaySlot }[];
  stalled: { missionId: string; companyName: string; since: string }[];
  ending: { missionId: string; companyName: string; endDate: string; unusedHalfDays: number }[];
  pastEnd: { missionId: string; companyName: string; endDate: string }[];
  outcomesWaiting: { missionId: string; companyName: string; askedOn: string }[];
}

/** The mission lines of a network's digest, from the missions due today (mission-due.ts's windows). */
export const missionDigestLines = (missions: readonly DigestMission[], today: string): MissionDigestLines => {
  const lines: MissionDigestLines = {
    upcoming: [],
    stalled: [],
    ending: [],
    pastEnd: [],
    outcomesWaiting: [],
  };
  for (const { mission, companyName } of missions) {
    const base = { missionId: mission.id, companyName };
    for (const reason of dueOn(mission, today) as DueReason[]) {
      switch (reason.kind) {
        case 'upcoming':
          lines.upcoming.push({ ...base, date: reason.intervention.date, slot: reason.intervention.slot });
          break;
        case 'stalled':
          lines.stalled.push({ ...base, since: reason.since });
          break;
        case 'ending':
          lines.ending.push({ ...base, endDate: mission.endDate, unusedHalfDays: reason.unusedHalfDays });
          break;
        case 'past-end':
          lines.pastEnd.push({ ...base, endDate: mission.endDate });
          break;
        case 'outcomes-waiting':
          lines.outcomesWaiting.push({ ...base, askedOn: reason.askedOn });
          break;
        default:
          // The mails to the volunteer and the SME are not the staff's lines.
          break;
      }
    }
  }
  lines.upcoming.sort((a, b) =>
    `${a.date}${a.slot === 'morning' ? 0 : 1}`.localeCompare(`${b.date}${b.slot === 'morning' ? 0 : 1}`),
  );
  lines.ending.sort((a, b) => a.endDate.localeCompare(b.endDate));
  lines.pastEnd.sort((a, b) => a.endDate.localeCompare(b.endDate));
  return lines;
};
