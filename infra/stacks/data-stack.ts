import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import {
  ConfigurationSet,
  EmailSendingEvent,
  EventDestination,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { type TableDefinition, type TableName, tables } from '../../shared/tables.ts';
import type { Settings } from '../config.ts';
import { StaffUsers } from '../constructs/staff-users.ts';

/** The output naming the data table, read by the history import. */
export const dataTableOutput = 'DataTableName';

export interface DataStackProps extends StackProps {
  readonly settings: Settings;
}

/**
 * What outlives a deployment: the tables, the mail configuration and the staff's user pool. Kept
 * apart from the functions, so redeploying, or even destroying, the application stack never touches
 * the data or the accounts.
 */
export class DataStack extends Stack {
  readonly tables: Readonly<
    Record<TableName, { readonly table: Table; readonly definition: TableDefinition }>
  >;
  readonly configurationSet: ConfigurationSet;
  readonly staff: StaffUsers;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);

    const created: Partial<Record<TableName, { table: Table; definition: TableDefinition }>> = {};
    for (const name of Object.keys(tables) as TableName[]) {
      const definition: TableDefinition = tables[name];
      created[name] = { table: this.createTable(definition), definition };
    }
    this.tables = created as DataStack['tables'];
    // `npm run import -- <file> --stage <stage>` finds the table it writes to here.
    new CfnOutput(this, dataTableOutput, { value: this.tables.data.table.tableName });

    // Sends go through it, so SES keeps bounced and complaining addresses off the list and counts reputation.
    this.configurationSet = new ConfigurationSet(this, 'MailConfiguration', {
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    // Bounces and complaints to the default bus, where the app stack's rule (shared/events.ts) puts the
    // address on the project's own suppression list, the one staff can see and lift.
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    // The back office's accounts: retained and deletion-protected, like the tables.
    this.staff = new StaffUsers(this, 'Staff', {
      stage: props.settings.stage,
      networks: props.settings.networks,
      senderDomain: props.settings.mail.senderDomain,
      configurationSet: this.configurationSet,
    });
  }

  private createTable(definition: TableDefinition): Table {
    // One table per definition in shared/tables.ts; `Table` rather than `TableV2` so cdk-nag checks it too.
    const table = new Table(this, definition.id, {
      partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: definition.sortKey, type: AttributeType.STRING },
      // On demand: traffic is small and bursty (forms, a job every few minutes), nothing to provision.
      billingMode: BillingMode.PAY_PER_REQUEST,
      // Restore to any second of the last 35 days after a bad write or a bad migration.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Neither a console click nor a stack deletion may drop the applications.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: definition.timeToLiveAttribute,
    });
    for (const [indexName, index] of Object.entries(definition.indexes)) {
      table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }
    return table;
  }
}
