import type { TableAccess, TableName } from './tables.ts';

/**
 * The scheduled jobs, described once: the CDK stack turns each into an EventBridge Scheduler
 * schedule, and the local scheduler fires the same handler at the same times.
 */
export interface ScheduleDefinition {
  /** Stable name, also used as the construct id suffix. */
  readonly name: string;
  /** File name under functions/handlers/, without extension; it exports `handler`. */
  readonly handler: string;
  /** EventBridge Scheduler syntax: `rate(5 minutes)` or `cron(min hour day-of-month month day-of-week year)`. */
  readonly expression: string;
  readonly timeZone: 'Europe/Paris';
  readonly description: string;
  readonly tables: Readonly<Partial<Record<TableName, TableAccess>>>;
  readonly sendsMail?: boolean;
  readonly timeoutSeconds?: number;
  /**
   * How long without a completed run means the job was missed (infra/constructs/alarms.ts alarms on
   * its `JobRan` metric): the longest gap between two of its runs, clock changes included, plus a
   * margin. Absent where that gap is longer than the 7 days a CloudWatch alarm can look back.
   */
  readonly missedAfterMinutes?: number;
}

/**
 * What every scheduled function receives, in AWS as locally: EventBridge Scheduler sends this input
 * (infra/constructs/schedules.ts, with `<aws.scheduler.scheduled-time>` filled in), the local
 * scheduler sends the same, and `npm run job` adds the options typed after its name (`--month`,
 * `--network`). A job's clock is `scheduledTime`: a retried invocation or a manual run for another
 * day computes for the time it stands for, not for the moment it happens to run.
 */
export interface ScheduledEvent {
  schedule: string;
  scheduledTime: string;
  /** Only from `npm run job`: what a person asked for (`{ month: '2027-03' }`). */
  options?: Readonly<Record<string, string>>;
}

export const schedules = [
  {
    name: 'deliver-outbox',
    handler: 'deliver-outbox',
    expression: 'rate(5 minutes)',
    timeZone: 'Europe/Paris',
    description:
      'Envoie le courrier en attente et réessaie, avec un délai croissant, celui que SES a refusé.',
    tables: { data: 'readWrite' },
    sendsMail: true,
    timeoutSeconds: 60,
    // Three runs missed in a row: mail that a person is waiting for has stopped leaving.
    missedAfterMinutes: 15,
  },
  {
    name: 'apply-retention',
    handler: 'apply-retention',
    // 03:30 in Paris: at night, and never in the hour the clock skips or repeats (02:00 to 03:00).
    expression: 'cron(30 3 * * ? *)',
    timeZone: 'Europe/Paris',
    description:
      'Anonymise les candidatures, propositions et messages trois ans après le dernier contact, et efface le courrier en échec expiré.',
    tables: { data: 'readWrite' },
    timeoutSeconds: 300,
    // Daily: 25 hours at most (the night the clocks go back), and an hour's margin.
    missedAfterMinutes: 26 * 60,
  },
  {
    name: 'outcome-follow-ups',
    handler: 'send-outcome-follow-ups',
    // 08:15 every day, Paris time: never in the 02:00–03:00 hour a change of time skips or repeats.
    expression: 'cron(15 8 * * ? *)',
    timeZone: 'Europe/Paris',
    description:
      'Demande aux entreprises, 12 puis 24\u00a0mois après la fin de leur mission, les emplois créés et maintenus.',
    tables: { data: 'readWrite' },
    sendsMail: true,
    timeoutSeconds: 120,
    missedAfterMinutes: 26 * 60,
  },
  {
    name: 'reminders',
    handler: 'send-daily-reminders',
    // 07:30 Monday to Friday, Paris time: before the staff's day, never in the 02:00–03:00 hour.
    expression: 'cron(30 7 ? * MON-FRI *)',
    timeZone: 'Europe/Paris',
    description:
      'Envoie à l’équipe de chaque réseau son point du matin, et aux salariés et aux PME le rappel de leurs demi-journées.',
    tables: { data: 'readWrite' },
    sendsMail: true,
    timeoutSeconds: 300,
    // From Friday's run to Monday's: 73 hours at most (the clocks change on a Sunday), and an hour's
    // margin. A single weekday missed between two runs goes unseen; a missed Monday does not.
    missedAfterMinutes: 74 * 60,
  },
  {
    name: 'monthly-stats',
    handler: 'send-monthly-statistics',
    // The 1st at 08:00, Paris time: last month is over everywhere, and staff read it with their morning mail.
    expression: 'cron(0 8 1 * ? *)',
    timeZone: 'Europe/Paris',
    description:
      'Envoie à chaque réseau, à son comité de pilotage et à la coordination nationale les chiffres du mois écoulé.',
    tables: { data: 'readWrite' },
    sendsMail: true,
    timeoutSeconds: 300,
    // No missed-run alarm: a month is beyond what a CloudWatch alarm can look back on. A run that
    // fails still alarms (its errors, its dead-letter queue).
  },
] as const satisfies readonly ScheduleDefinition[];

export type ScheduleName = (typeof schedules)[number]['name'];
