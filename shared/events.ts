import type { TableAccess, TableName } from './tables.ts';

/**
 * The functions that answer events of other AWS services, described once: the CDK stack gives
 * each its EventBridge rule on the default bus, and the local runtime can invoke the same handler
 * with a recorded event (test/fixtures/ses-*.json).
 */
export interface EventRuleDefinition {
  /** Stable name, also used as the construct id suffix. */
  readonly name: string;
  /** File name under functions/handlers/, without extension; it exports `handler`. */
  readonly handler: string;
  readonly description: string;
  /** An EventBridge event pattern, as CloudFormation takes it. */
  readonly pattern: Readonly<Record<string, unknown>>;
  readonly tables: Readonly<Partial<Record<TableName, TableAccess>>>;
  readonly timeoutSeconds?: number;
}

export const events = [
  {
    name: 'mail-events',
    handler: 'record-mail-event',
    description:
      'Met sur la liste des adresses bloquées celles dont SES signale un rejet définitif ou une plainte.',
    // What the configuration set's event destination sends (the data stack): permanent bounces and
    // complaints only; a transient bounce (mailbox full) is SES's to retry, not a reason to stop.
    pattern: {
      source: ['aws.ses'],
      'detail-type': ['Email Bounced', 'Email Complaint Received'],
      detail: {
        $or: [{ eventType: ['Complaint'] }, { eventType: ['Bounce'], bounce: { bounceType: ['Permanent'] } }],
      },
    },
    tables: { data: 'readWrite' },
    timeoutSeconds: 30,
  },
] as const satisfies readonly EventRuleDefinition[];
