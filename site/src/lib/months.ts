import { frenchMonth, parisTimeZone } from '../../../shared/dates.ts';

/**
 * The months a person can pick as a desired start, as one select lists them in every browser
 * (`type="month"` is a plain text box in Firefox and Safari): value `2027-03`, label « mars 2027 ».
 */
export interface MonthOption {
  value: string;
  label: string;
  year: string;
}

const yearAndMonth = new Intl.DateTimeFormat('en-CA', {
  timeZone: parisTimeZone,
  year: 'numeric',
  month: '2-digit',
});

/** `2026-12`: the month it is in Paris. */
export const parisMonth = (now: Date): string => yearAndMonth.format(now).slice(0, 7);

/** The month it is in Paris at `now`, and the `count - 1` months that follow. */
export const monthsFrom = (now: Date, count: number): MonthOption[] => {
  const [year = 2000, month = 1] = parisMonth(now).split('-').map(Number);
  return Array.from({ length: count }, (_, index) => {
    const months = year * 12 + (month - 1) + index;
    const value = `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}`;
    return { value, label: frenchMonth(value), year: value.slice(0, 4) };
  });
};
