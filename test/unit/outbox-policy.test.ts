import { describe, expect, it } from 'vitest';
import { afterFailure, retryDelaysMinutes } from '../../functions/domain/outbox/delivery-policy.ts';

describe('when a mail is tried again', () => {
  const now = new Date('2026-11-26T10:00:00Z');

  it('retries soon after a first failure, then waits longer each time', () => {
    const waits = retryDelaysMinutes.map((_, index) => {
      const next = afterFailure(index + 1, now);
      return next.kind === 'retry' ? (next.dueAt.getTime() - now.getTime()) / 60_000 : undefined;
    });

    expect(waits[0]).toBe(5);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1] as number);
  });

  it('gives up, so that a person takes over, after about two days', () => {
    const total = retryDelaysMinutes.reduce((sum, minutes) => sum + minutes, 0);

    expect(afterFailure(retryDelaysMinutes.length + 1, now)).toEqual({ kind: 'give-up' });
    expect(total / 60).toBeGreaterThan(24);
    expect(total / 60).toBeLessThan(72);
  });
});
