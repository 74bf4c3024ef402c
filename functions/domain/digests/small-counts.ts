/**
 * Statistics mailed to a steering committee must not let anyone recognise a company: in a breakdown
 * (a size class, a competence, a commune), a count of 1 or 2 SMEs is shown as « < 3 ». A published
 * total would give a single hidden cell back by subtraction, so then the smallest other cell is
 * hidden too (complementary suppression, as statistics offices do); a breakdown whose every cell but
 * one is zero hides its total as well.
 */
export const hiddenCount = '<\u00a03';
export type ShownCount = number | typeof hiddenCount;

export interface ProtectedBreakdown<K extends string> {
  cells: { key: K; count: ShownCount }[];
  total: ShownCount;
}

const isSmall = (count: number) => count > 0 && count < 3;

export const protectSmallCounts = <K extends string>(
  cells: readonly { key: K; count: number }[],
): ProtectedBreakdown<K> => {
  const total = cells.reduce((sum, cell) => sum + cell.count, 0);
  const hidden = new Set(cells.filter((cell) => isSmall(cell.count)).map((cell) => cell.key));
  if (hidden.size === 1) {
    const others = cells.filter((cell) => !hidden.has(cell.key)).sort((a, b) => a.count - b.count);
    const smallest = others[0];
    if (smallest) hidden.add(smallest.key);
  }
  const shownCells = cells.filter((cell) => !hidden.has(cell.key));
  // The total gives the hidden cells away when it equals one hidden cell plus zeros.
  const hiddenNonZero = cells.filter((cell) => hidden.has(cell.key) && cell.count > 0).length;
  const totalHidden = isSmall(total) || (hiddenNonZero === 1 && shownCells.every((cell) => cell.count === 0));
  return {
    cells: cells.map((cell) => ({ key: cell.key, count: hidden.has(cell.key) ? hiddenCount : cell.count })),
    total: totalHidden ? hiddenCount : total,
  };
};
