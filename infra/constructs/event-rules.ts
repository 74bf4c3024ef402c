import { Duration, Validations } from 'aws-cdk-lib';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { EventRuleDefinition } from '../../shared/events.ts';
import { AppFunction, type FunctionResources, pascalCase } from './app-function.ts';

export interface EventRulesProps {
  readonly definitions: readonly EventRuleDefinition[];
  readonly resources: FunctionResources;
}

export interface EventRuleFunction {
  readonly definition: EventRuleDefinition;
  readonly function: AppFunction;
  readonly failures: Queue;
  readonly rule: Rule;
}

/**
 * The rules of shared/events.ts on the account's default bus (where the SES configuration set's
 * event destination puts bounces and complaints): each with its function and a queue for the
 * events that could not be handled.
 */
export class EventRules extends Construct {
  readonly rules: readonly EventRuleFunction[];

  constructor(scope: Construct, id: string, props: EventRulesProps) {
    super(scope, id);
    const bus = EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    this.rules = props.definitions.map((definition) => {
      const ruleScope = new Construct(this, pascalCase(definition.name));

      // Events that failed, kept 14 days (the maximum) to be read and replayed: a lost bounce is a later send that bounces.
      const failures = new Queue(ruleScope, 'Failures', {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      Validations.of(failures).acknowledge({
        id: 'Serverless-SQSRedrivePolicy',
        reason:
          'This queue is itself the dead-letter queue of an event rule and its function; nothing consumes it, so it needs no redrive policy.',
      });

      // The handler; Lambda retries twice, then the event goes to Failures (recording a suppression is idempotent).
      const fn = new AppFunction(ruleScope, 'Handler', {
        definition,
        resources: props.resources,
        description: definition.description,
        deadLetterQueue: failures,
      });

      // The rule, matching exactly the definition's pattern; failures to invoke go to the same queue.
      const rule = new Rule(ruleScope, 'Rule', {
        eventBus: bus,
        description: definition.description,
        eventPattern: definition.pattern as never,
        targets: [
          new LambdaFunction(fn.function, {
            deadLetterQueue: failures,
            retryAttempts: 3,
            maxEventAge: Duration.hours(2),
          }),
        ],
      });
      return { definition, function: fn, failures, rule };
    });
  }
}
