import { describe, expect, it } from 'vitest';
import { nextFireTimes, parseExpression } from '../../infra/local/schedule-expression.ts';
import { schedules } from '../../shared/schedules.ts';

describe('schedule expressions, read as EventBridge Scheduler reads them', () => {
  it('fires a Monday 8:00 Paris job at 8:00 Paris on both sides of the spring clock change', () => {
    // Given the week of the change to summer time (29 March 2026)
    const from = new Date('2026-03-20T12:00:00Z');

    // When the next Mondays are computed
    const runs = nextFireTimes('cron(0 8 ? * MON *)', 'Europe/Paris', from, 2);

    // Then 8:00 in Paris is 07:00 UTC in winter and 06:00 UTC in summer
    expect(runs.map((d) => d.toISOString())).toEqual([
      '2026-03-23T07:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
    ]);
  });

  it('reads day-of-week numbers as AWS does, 1 being Sunday', () => {
    const [run] = nextFireTimes('cron(30 9 ? * 1 *)', 'Europe/Paris', new Date('2026-11-26T00:00:00Z'), 1);

    expect(run?.toISOString()).toBe('2026-11-29T08:30:00.000Z');
    expect(run?.getUTCDay()).toBe(0);
  });

  it('fires on the first day of each month for a monthly job', () => {
    const runs = nextFireTimes('cron(0 7 1 * ? *)', 'Europe/Paris', new Date('2026-11-26T00:00:00Z'), 2);

    expect(runs.map((d) => d.toISOString())).toEqual([
      '2026-12-01T06:00:00.000Z',
      '2027-01-01T06:00:00.000Z',
    ]);
  });

  it('spaces a rate schedule by its period', () => {
    const from = new Date('2026-11-26T10:00:00Z');

    const runs = nextFireTimes('rate(5 minutes)', 'Europe/Paris', from, 3);

    expect(runs.map((d) => d.getTime() - from.getTime())).toEqual([300_000, 600_000, 900_000]);
  });

  it('refuses an expression AWS would refuse', () => {
    expect(() => parseExpression('every 5 minutes', 'Europe/Paris')).toThrow(/Unsupported/);
    expect(() => parseExpression('cron(0 8 * * *)', 'Europe/Paris')).toThrow(/Unsupported/);
  });

  it('understands every schedule the project declares', () => {
    for (const schedule of schedules) {
      expect(nextFireTimes(schedule.expression, schedule.timeZone, new Date(), 1)).toHaveLength(1);
    }
  });
});
