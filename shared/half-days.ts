import { frenchClock, frenchDay } from './dates.ts';

/**
 * A mission's half-days as people read them: the slots, their hours, the words. Without zod, so that
 * a public page (« has the half-day taken place? ») can read them without carrying the schemas.
 */
export const halfDaySlots = ['morning', 'afternoon'] as const;
export type HalfDaySlot = (typeof halfDaySlots)[number];
export const halfDaySlotLabels: Record<HalfDaySlot, string> = { morning: 'matin', afternoon: 'après-midi' };
/** Wall-clock hours in Paris of each half-day, as the calendar shows them. */
export const halfDayHours: Record<HalfDaySlot, { start: string; end: string }> = {
  morning: { start: '09:00', end: '12:30' },
  afternoon: { start: '14:00', end: '17:30' },
};

/** A half-day as a mail or a page tells it. */
export interface PlannedHalfDay {
  date: string;
  slot: HalfDaySlot;
  remote: boolean;
  place?: string | undefined;
}

/** « le 31 mars 2027, après-midi (14 h – 17 h 30), Atelier », the same words in mails and on pages. */
export const halfDayLine = (halfDay: PlannedHalfDay) => {
  const hours = halfDayHours[halfDay.slot];
  const where = halfDay.remote ? 'à distance' : halfDay.place ? halfDay.place : 'lieu à convenir';
  return `le ${frenchDay(halfDay.date)}, ${halfDaySlotLabels[halfDay.slot]} (${frenchClock(hours.start)} – ${frenchClock(hours.end)}), ${where}`;
};
