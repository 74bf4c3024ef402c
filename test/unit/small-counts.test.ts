import { describe, expect, it } from 'vitest';
import { hiddenCount, protectSmallCounts } from '../../functions/domain/digests/small-counts.ts';

const cells = (counts: Record<string, number>) =>
  Object.entries(counts).map(([key, count]) => ({ key, count }));
const shown = (counts: Record<string, number>) => {
  const result = protectSmallCounts(cells(counts));
  return { ...Object.fromEntries(result.cells.map((cell) => [cell.key, cell.count])), total: result.total };
};

/** What a reader can work out: every cell that the total and the shown cells pin down. */
const recoverable = (counts: Record<string, number>) => {
  const result = protectSmallCounts(cells(counts));
  const hidden = result.cells.filter((cell) => cell.count === hiddenCount);
  return result.total !== hiddenCount && hidden.length === 1;
};

describe('small counts in a breakdown', () => {
  it('shows every count of 3 or more, and zeros, as they are', () => {
    expect(shown({ tpe: 4, pme: 7, autre: 0 })).toEqual({ tpe: 4, pme: 7, autre: 0, total: 11 });
  });

  it('hides a count of 1 or 2, and the smallest other cell so the total does not give it back', () => {
    expect(shown({ tpe: 2, pme: 9, autre: 5 })).toEqual({
      tpe: hiddenCount,
      pme: 9,
      autre: hiddenCount,
      total: 16,
    });
  });

  it('needs no second cell when two are already hidden', () => {
    expect(shown({ a: 1, b: 2, c: 8 })).toEqual({ a: hiddenCount, b: hiddenCount, c: 8, total: 11 });
  });

  it('hides the total when it is itself small', () => {
    expect(shown({ tpe: 1, pme: 1 })).toEqual({ tpe: hiddenCount, pme: hiddenCount, total: hiddenCount });
  });

  it('hides the total when the other cells are zeros, since it would equal the hidden one', () => {
    expect(shown({ tpe: 0, pme: 2, autre: 0 }).total).toBe(hiddenCount);
    expect(shown({ tpe: 0, pme: 7 }).total).toBe(7);
  });

  it('never leaves a single hidden cell recoverable by subtraction', () => {
    const values = [0, 1, 2, 3, 5];
    for (const a of values)
      for (const b of values)
        for (const c of values) expect(recoverable({ a, b, c }), `${a}, ${b}, ${c}`).toBe(false);
  });
});
