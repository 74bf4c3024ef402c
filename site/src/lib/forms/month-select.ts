import { parisMonth } from '../months.ts';

/**
 * The month select of components/form/MonthSelect.astro lists months from the build on: a page
 * built long ago would offer months already past. This drops them (a chosen one stays, restored by
 * the back button), and the years left empty.
 */
export const dropPastMonths = (select: HTMLSelectElement, now = new Date()) => {
  const thisMonth = parisMonth(now);
  for (const option of [...select.options]) {
    if (option.value !== '' && option.value < thisMonth && !option.selected) option.remove();
  }
  for (const group of select.querySelectorAll('optgroup')) {
    if (group.children.length === 0) group.remove();
  }
};
