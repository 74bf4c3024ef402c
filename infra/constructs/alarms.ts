import { Duration, Validations } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { dimensions, metricNames, metricsNamespace, serviceName } from '../../shared/metrics.ts';
import type { ScheduleDefinition } from '../../shared/schedules.ts';
import { pascalCase } from './app-function.ts';

export interface AlarmsProps {
  /** Who hears of an alarm (settings.alarmEmail). */
  readonly email: string;
  /** Keyed by construct id, e.g. `GetCatalogue`. */
  readonly functions: Readonly<Record<string, IFunction>>;
  /** Dead-letter queues, keyed by the id of what they serve: any message in one is a failure to look at. */
  readonly deadLetterQueues: Readonly<Record<string, IQueue>>;
  /** The scheduled jobs: each with `missedAfterMinutes` alarms when it has not run for that long. */
  readonly schedules: readonly ScheduleDefinition[];
}

const PERIOD = Duration.minutes(5);

/** A metric of the functions' own (shared/metrics.ts), as Powertools emits it: these dimensions exactly. */
const businessMetric = (metricName: string, extra: Record<string, string> = {}, period = PERIOD) =>
  new Metric({
    namespace: metricsNamespace,
    metricName,
    dimensionsMap: { [dimensions.service]: serviceName, ...extra },
    statistic: Stats.SUM,
    period,
  });

/**
 * How a missed-run alarm reads `missedAfterMinutes`: that many minutes of periods, every one without a
 * run. Five-minute periods under an hour, hourly ones above, within what CloudWatch lets an alarm look
 * back on (a day for periods under an hour, seven days otherwise).
 */
export const missedRunWindow = (schedule: ScheduleDefinition) => {
  const minutes = schedule.missedAfterMinutes;
  if (minutes === undefined) return undefined;
  const periodMinutes = minutes < 60 ? 5 : 60;
  const evaluationPeriods = minutes / periodMinutes;
  const limitMinutes = periodMinutes < 60 ? 24 * 60 : 7 * 24 * 60;
  if (!Number.isInteger(evaluationPeriods) || minutes > limitMinutes)
    throw new Error(
      `${schedule.name}: missedAfterMinutes must be a multiple of ${periodMinutes} up to ${limitMinutes}`,
    );
  return { period: Duration.minutes(periodMinutes), evaluationPeriods };
};

/**
 * Mail to the operators when a function fails, a dead-letter queue receives something, a mail is
 * given up on, or a scheduled job stops running.
 */
export class Alarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);

    // Customer-managed key: CloudWatch may publish to an encrypted topic only if the key policy lets it,
    // which the AWS-managed SNS key does not.
    const key = new Key(this, 'TopicKey', {
      description: 'Alizé: encrypts the alarm topic',
      enableKeyRotation: true,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');

    // The operators' channel: every alarm publishes here.
    this.topic = new Topic(this, 'Topic', { masterKey: key, enforceSSL: true });
    const subscription = this.topic.addSubscription(new EmailSubscription(props.email));
    Validations.of(subscription).acknowledge({
      id: 'Serverless-SNSRedrivePolicy',
      reason:
        'An e-mail subscription to the operators: a dead-letter queue for undelivered alarm mails would itself need watching by someone, by mail.',
    });

    const action = new SnsAction(this.topic);
    const alarm = (alarmId: string, description: string, metric: IMetric) =>
      // One alarm per failure source, so the mail names what failed.
      new Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        // No data means no invocation or an empty queue: nothing wrong.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(action);

    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(
        `${name}Errors`,
        `The function ${name} failed (error or timeout) at least once in 5 minutes.`,
        fn.metricErrors({ period: PERIOD, statistic: Stats.SUM }),
      );
    }
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(
        `${name}DeadLetters`,
        `The dead-letter queue of ${name} holds failed work: read it, fix the cause, then replay or purge it.`,
        queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: Stats.MAXIMUM }),
      );
    }

    // Below, the metrics that mean a person is waiting.
    alarm(
      'MailsFailed',
      'The outbox gave up on at least one mail in 5 minutes: someone did not hear from us. The network was alerted; read the failed messages (their error names) and the SES account status.',
      businessMetric(metricNames.mailsFailed),
    );
    for (const schedule of props.schedules) {
      const window = missedRunWindow(schedule);
      if (!window) continue;
      // Missing data is a job that did not run: the one case here where silence is the alarm.
      new Alarm(this, `${pascalCase(schedule.name)}MissedRun`, {
        alarmDescription: `The scheduled job ${schedule.name} has not completed a run for ${schedule.missedAfterMinutes} minutes: check its schedule, its errors and its dead-letter queue.`,
        metric: businessMetric(metricNames.jobRan, { [dimensions.job]: schedule.name }, window.period),
        threshold: 1,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: window.evaluationPeriods,
        datapointsToAlarm: window.evaluationPeriods,
        treatMissingData: TreatMissingData.BREACHING,
      }).addAlarmAction(action);
    }
  }
}
