import { Cron } from 'croner';

/**
 * EventBridge Scheduler's expressions, read locally with the meaning AWS gives them:
 * `rate(n unit)`, or `cron(min hour day-of-month month day-of-week year)` in the schedule's time zone,
 * where `?` means "any" and day-of-week numbers run 1 (Sunday) to 7 (Saturday).
 */
export type ParsedExpression = { kind: 'rate'; everyMs: number } | { kind: 'cron'; cron: Cron };

const unitMs: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

export const parseExpression = (expression: string, timeZone: string): ParsedExpression => {
  const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression);
  if (rate) {
    const every = Number(rate[1]);
    if (every < 1) throw new Error(`Invalid rate in ${expression}`);
    return { kind: 'rate', everyMs: every * (unitMs[rate[2] as string] as number) };
  }
  const cron = /^cron\((\S+ \S+ \S+ \S+ \S+ \S+)\)$/.exec(expression);
  if (cron) {
    // Seconds first for croner's seven-field form; AWS fires on the minute.
    return {
      kind: 'cron',
      cron: new Cron(`0 ${cron[1]}`, { timezone: timeZone, alternativeWeekdays: true, paused: true }),
    };
  }
  throw new Error(`Unsupported schedule expression: ${expression}`);
};

/** The next `count` instants the expression fires after `from` (a rate counts from `from`). */
export const nextFireTimes = (expression: string, timeZone: string, from: Date, count: number): Date[] => {
  const parsed = parseExpression(expression, timeZone);
  if (parsed.kind === 'rate') {
    return Array.from(
      { length: count },
      (_, index) => new Date(from.getTime() + (index + 1) * parsed.everyMs),
    );
  }
  return parsed.cron.nextRuns(count, from);
};
