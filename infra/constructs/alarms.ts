import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlarmsProps {
  /** Who hears of an alarm (settings.alarmEmail). */
  readonly email: string;
  /** Keyed by construct id, e.g. `GetCatalogue`. */
  readonly functions: Readonly<Record<string, IFunction>>;
  /** Dead-letter queues, keyed by the id of what they serve: any message in one is a failure to look at. */
  readonly deadLetterQueues: Readonly<Record<string, IQueue>>;
}

const PERIOD = Duration.minutes(5);

/** Mail to the operators when a function fails or a dead-letter queue receives something. */
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
  }
}
