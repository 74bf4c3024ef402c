import { parisIsoDate } from '../../../shared/dates.ts';
import type { Intervention } from '../../../shared/missions.ts';
import type { Mission } from '../missions/mission.ts';

/**
 * When something about a mission is owed to someone, as one pure rule: the daily reminders job
 * reads a mission only on the days this says (byDueDate, `mission-reminder`), and the staff digest
 * and the reminders select from the same windows, so the due date can never disagree with what the
 * job then does. Days are Paris calendar days (`YYYY-MM-DD`).
 *
 * The job runs Monday to Friday at 07:30 (shared/schedules.ts), public holidays included: a mail that
 * lands on a holiday waits in the inbox like any other, whereas a reminder skipped on a holiday would
 * shorten the notice. A window is a span of days, not a day: a run missed (an outage) is caught up by
 * the next one.
 */
export const missionReminderQueue = 'mission-reminder';

/** Days of notice a volunteer and an SME get before a half-day, at least. */
export const reminderNoticeDays = 2;
/** What the staff digest looks at. */
export const digestRules = {
  upcomingDays: 7,
  stalledDays: 60,
  endingDays: 30,
  outcomesWaitingDays: 14,
} as const;

const dayMs = 86_400_000;
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/** A day the reminders job runs: Monday to Friday. */
export const isRunDay = (day: string): boolean => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

export const lastRunDayOnOrBefore = (day: string): string => {
  let cursor = day;
  while (!isRunDay(cursor)) cursor = addDays(cursor, -1);
  return cursor;
};

export const firstRunDayOnOrAfter = (day: string): string => {
  let cursor = day;
  while (!isRunDay(cursor)) cursor = addDays(cursor, 1);
  return cursor;
};

/**
 * The day the reminder of a half-day goes: two days before, or, when no run falls that day (a
 * Saturday or a Sunday), the last run before it, so that notice is never shorter than two days (a
 * Monday's or a Tuesday's half-day is reminded on the Friday). Planned later than that, it goes at
 * the next run, up to the day before the half-day, never on the day itself.
 */
export const reminderDay = (halfDay: string): string =>
  lastRunDayOnOrBefore(addDays(halfDay, -reminderNoticeDays));

/** The day the « has it taken place? » link goes: the first run after the half-day (a Friday's: Monday). */
export const confirmationDay = (halfDay: string): string => firstRunDayOnOrAfter(addDays(halfDay, 1));
/** After this many days the link is no longer sent (staff log it themselves): a late run still catches up. */
export const confirmationSendDays = 14;

export type DueReason =
  | { kind: 'reminder'; intervention: Intervention }
  | { kind: 'confirmation'; intervention: Intervention }
  | { kind: 'upcoming'; intervention: Intervention }
  | { kind: 'stalled'; since: string }
  | { kind: 'ending'; unusedHalfDays: number }
  | { kind: 'past-end' }
  | { kind: 'outcomes-waiting'; askedOn: string };

/**
 * A span of days during which something is due. A one-shot window (a mail to the volunteer and the
 * SME) is handled once, on its first run; a lasting one (a digest line) is listed on every run of the
 * window, and an open-ended one until someone changes the mission.
 */
interface Window {
  reason: DueReason;
  from: string;
  /** Included; none: until the mission changes. */
  to?: string;
  oneShot: boolean;
}

const lastDoneDay = (mission: Mission): string | undefined =>
  mission.interventions
    .filter((i) => i.status === 'done')
    .map((i) => i.date)
    .sort()
    .at(-1);

const closingAskedOn = (mission: Mission): string | undefined => {
  const line = mission.history.findLast((entry) => entry.change === 'closing');
  return line ? parisIsoDate(new Date(line.at)) : undefined;
};

const windowsOf = (mission: Mission): Window[] => {
  if (mission.status === 'closed') return [];
  const windows: Window[] = [];
  for (const intervention of mission.interventions) {
    if (intervention.status !== 'planned') continue;
    const day = intervention.date;
    windows.push(
      {
        reason: { kind: 'reminder', intervention },
        from: reminderDay(day),
        to: addDays(day, -1),
        oneShot: true,
      },
      {
        reason: { kind: 'upcoming', intervention },
        from: addDays(day, -digestRules.upcomingDays),
        to: day,
        oneShot: false,
      },
    );
    // Only an active mission's half-day can be logged as done.
    if (mission.status === 'active') {
      const from = confirmationDay(day);
      windows.push({
        reason: { kind: 'confirmation', intervention },
        from,
        to: addDays(from, confirmationSendDays),
        oneShot: true,
      });
    }
  }
  if (mission.status === 'active') {
    const since =
      lastDoneDay(mission) ?? (mission.startedAt ? parisIsoDate(new Date(mission.startedAt)) : undefined);
    if (since) {
      windows.push({
        reason: { kind: 'stalled', since },
        from: addDays(since, digestRules.stalledDays),
        oneShot: false,
      });
    }
    const delivered = mission.interventions.filter((i) => i.status === 'done').length;
    if (delivered < mission.plannedHalfDays) {
      windows.push({
        reason: { kind: 'ending', unusedHalfDays: mission.plannedHalfDays - delivered },
        from: addDays(mission.endDate, -digestRules.endingDays),
        to: mission.endDate,
        oneShot: false,
      });
    }
  }
  if (mission.status === 'active' || mission.status === 'preparing') {
    windows.push({ reason: { kind: 'past-end' }, from: addDays(mission.endDate, 1), oneShot: false });
  }
  if (mission.status === 'closing') {
    const askedOn = closingAskedOn(mission);
    if (askedOn) {
      windows.push({
        reason: { kind: 'outcomes-waiting', askedOn },
        from: addDays(askedOn, digestRules.outcomesWaitingDays),
        oneShot: false,
      });
    }
  }
  return windows;
};

const open = (window: Window, day: string) =>
  window.from <= day && (window.to === undefined || day <= window.to);

/** What is due about a mission on a day the job runs. */
export const dueOn = (mission: Mission, day: string): DueReason[] =>
  windowsOf(mission)
    .filter((window) => open(window, day))
    .map((window) => window.reason);

/**
 * The first day, from `from` on, on which something about the mission is due; undefined when nothing
 * ever will be (closed, or nothing planned and no date to watch). `handledThrough`: the day the job
 * just handled, whose one-shot mails are sent, so that they do not bring the mission back.
 */
export const nextDueDay = (mission: Mission, from: string, handledThrough?: string): string | undefined => {
  let earliest: string | undefined;
  for (const window of windowsOf(mission)) {
    if (window.to !== undefined && window.to < from) continue;
    if (window.oneShot && handledThrough !== undefined && window.from <= handledThrough) continue;
    const day = window.from > from ? window.from : from;
    if (earliest === undefined || day < earliest) earliest = day;
  }
  return earliest;
};

/** Where a mission waits on byDueDate after a write at `at`: from that day on. */
export const missionDueAt = (mission: Mission): string | undefined =>
  nextDueDay(mission, parisIsoDate(new Date(mission.updatedAt)));
