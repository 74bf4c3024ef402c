import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ScheduleDefinition } from '../../shared/schedules.ts';
import { AppFunction, type FunctionResources, pascalCase } from './app-function.ts';

export interface SchedulesProps {
  readonly schedules: readonly ScheduleDefinition[];
  readonly resources: FunctionResources;
}

export interface ScheduledJob {
  readonly definition: ScheduleDefinition;
  readonly function: AppFunction;
  /** Where a run that could not be delivered, or that failed, ends up; watched by an alarm. */
  readonly failures: Queue;
  readonly schedule: Schedule;
}

/**
 * The scheduled jobs of shared/schedules.ts: each gets its function, an EventBridge Scheduler schedule
 * in Paris time, and a queue that collects its failed runs.
 */
export class Schedules extends Construct {
  readonly jobs: readonly ScheduledJob[];

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    this.jobs = props.schedules.map((definition) => this.createJob(definition, props.resources));
  }

  private createJob(definition: ScheduleDefinition, resources: FunctionResources): ScheduledJob {
    const scope = new Construct(this, pascalCase(definition.name));
    const stack = Stack.of(this);

    // Failed runs of this job, kept 14 days (the maximum) for a person to read and replay.
    const failures = new Queue(scope, 'Failures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(failures).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'This queue is itself the dead-letter queue of a scheduled job; nothing consumes it, so it needs no redrive policy.',
    });

    // The job's code. No Lambda retry: the schedule runs it again soon, and two runs must not overlap.
    const fn = new AppFunction(scope, 'Job', {
      definition,
      resources,
      description: definition.description,
      deadLetterQueue: failures,
      retryAttempts: 0,
    });
    Validations.of(fn.function).acknowledge({
      id: 'Serverless-LambdaAsyncFailureDestination',
      reason:
        'Failed asynchronous runs go to the function’s dead-letter queue (the job’s Failures queue), watched by an alarm.',
    });

    // Lets EventBridge Scheduler, for this account's default schedule group only, invoke the job.
    const invoker = new Role(scope, 'InvokerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({
              service: 'scheduler',
              resource: 'schedule-group',
              resourceName: 'default',
            }),
          },
        },
      }),
    });
    const functionLogicalId = stack.getLogicalId(fn.function.node.defaultChild as CfnFunction);
    Validations.of(invoker).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
      reason:
        'lambda:InvokeFunction on the job function and its versions (ARN:*), as granted by aws-cdk-lib; nothing else can be invoked.',
    });

    // The trigger, in Paris time so a cron reads as the staff's clock. Retries cover only failures to
    // invoke (throttling, service errors); after them, or past an hour, the event goes to Failures.
    const schedule = new Schedule(scope, 'Schedule', {
      description: definition.description,
      schedule: ScheduleExpression.expression(definition.expression, TimeZone.of(definition.timeZone)),
      target: new LambdaInvoke(fn.function, {
        // The event every job reads its clock from (shared/schedules.ts ScheduledEvent), as the local scheduler sends it.
        input: ScheduleTargetInput.fromObject({
          schedule: definition.name,
          scheduledTime: ContextAttribute.scheduledTime,
        }),
        retryAttempts: 3,
        maxEventAge: Duration.hours(1),
        deadLetterQueue: failures,
        role: invoker,
      }),
    });

    return { definition, function: fn, failures, schedule };
  }
}
