import { fileURLToPath } from 'node:url';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { bundledNetworksExpression } from '../../functions/runtime/config.ts';
import { functionDefaults } from '../../shared/function-defaults.ts';
import type { TableAccess, TableDefinition, TableName } from '../../shared/tables.ts';
import { retentionDays } from './log-retention.ts';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What a route or a schedule says about its function (see shared/routes.ts and shared/schedules.ts). */
export interface FunctionDefinition {
  /** File name under functions/handlers/, without extension; it exports `handler`. */
  readonly handler: string;
  readonly tables: Readonly<Partial<Record<TableName, TableAccess>>>;
  readonly sendsMail?: boolean;
  readonly timeoutSeconds?: number;
}

/** The deployed resources every function may be given access to, and the environment they all share. */
export interface FunctionResources {
  /** Built once by `functionEnvironment` (functions/runtime/config.ts). */
  readonly environment: Readonly<Record<string, string>>;
  readonly logRetentionDays: number;
  readonly tables: Readonly<
    Record<TableName, { readonly table: ITable; readonly definition: TableDefinition }>
  >;
  readonly mail: {
    /** Bare address of the sender, e.g. `ne-pas-repondre@alize.example.org`. */
    readonly fromAddresses: readonly string[];
    readonly configurationSetName: string;
  };
}

export interface AppFunctionProps {
  readonly definition: FunctionDefinition;
  readonly resources: FunctionResources;
  readonly description?: string;
  /** For asynchronously invoked functions (schedules): where a failed invocation ends up. */
  readonly deadLetterQueue?: IQueue;
  /** For asynchronously invoked functions: how many times Lambda itself retries a failed invocation. */
  readonly retryAttempts?: number;
}

const tableActions: Record<TableAccess, string[]> = {
  // No Scan: every read goes through a key or an index (a Scan behind a request or a job grows with the table).
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  readWrite: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
};

/** `get-catalogue` → `GetCatalogue`: construct ids are PascalCase. */
export const pascalCase = (name: string) =>
  name
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('');

/**
 * One Lambda function with every project default (Node 24 on ARM, ESM bundle with the AWS SDK inside,
 * its own log group and role), granted exactly the tables and mail its definition declares.
 */
export class AppFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    const { definition, resources } = props;
    const { NETWORKS, ...environment } = resources.environment;

    // Explicit log group, so retention is set up front (the deprecated `logRetention` needs a custom resource).
    this.logGroup = new LogGroup(this, 'Logs', { retention: retentionDays(resources.logRetentionDays) });

    // Own role rather than the default one, which carries the managed AWSLambdaBasicExecutionRole
    // (logs:* on every log group); this one may only write to the log group above.
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup.grantWrite(this.role);

    // The handler, bundled locally by esbuild (a devDependency, so no Docker).
    this.function = new NodejsFunction(this, 'Function', {
      entry: `${repositoryRoot}functions/handlers/${definition.handler}.ts`,
      handler: 'handler',
      projectRoot: repositoryRoot,
      depsLockFilePath: `${repositoryRoot}package-lock.json`,
      description: props.description ?? definition.handler,
      runtime: Runtime.NODEJS_24_X,
      // Graviton: cheaper per millisecond than x86 and no native modules to worry about.
      architecture: Architecture.ARM_64,
      // shared/function-defaults.ts: the local runtime enforces the same timeout.
      memorySize: functionDefaults.memorySize,
      timeout: Duration.seconds(definition.timeoutSeconds ?? functionDefaults.timeoutSeconds),
      role: this.role,
      logGroup: this.logGroup,
      // JSON platform lines (START, REPORT, timeouts) sit next to Powertools' JSON lines, so one query reads both.
      loggingFormat: LoggingFormat.JSON,
      // Active tracing: X-Ray shows each invocation's cold start and duration (SDK calls, once clients are instrumented).
      tracing: Tracing.ACTIVE,
      deadLetterQueue: props.deadLetterQueue,
      retryAttempts: props.retryAttempts,
      environment: {
        ...environment,
        // Stack traces point at the TypeScript sources, for about 10 ms more at cold start (measured locally).
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        // The networks (31 in the programme, each with its staff mailboxes) would not fit Lambda's 4 KB
        // of environment: they are written into the bundle instead, where config.ts reads them.
        define: { [bundledNetworksExpression]: JSON.stringify(NETWORKS ?? '[]') },
        format: OutputFormat.ESM,
        // Bundle the SDK rather than use the runtime's copy: one pinned version (package.json), and a
        // tree-shaken bundle loads faster at cold start than the runtime's full SDK.
        bundleAwsSDK: true,
        // Prefer the packages' ES modules: esbuild tree-shakes them, the bundle is about 40 % smaller.
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // A few CommonJS dependencies of the SDK call `require`, which an ES module lacks.
        banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
      },
    });

    for (const [name, access] of Object.entries(definition.tables) as [TableName, TableAccess][]) {
      const { table, definition: tableDefinition } = resources.tables[name];
      this.grantTable(table, tableDefinition, access);
    }
    if (definition.sendsMail) {
      this.grantSendMail(resources.mail);
    }

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions.',
    });
  }

  /** Item-level access to the table and to its declared indexes only, by name: no wildcard, no Scan. */
  grantTable(table: ITable, definition: TableDefinition, access: TableAccess) {
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: tableActions[access],
        resources: [
          table.tableArn,
          ...Object.keys(definition.indexes).map((index) => `${table.tableArn}/index/${index}`),
        ],
      }),
    );
  }

  /** Sending as the networks' own senders only, through the project's configuration set. */
  grantSendMail(mail: FunctionResources['mail']) {
    const stack = Stack.of(this);
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          // Any identity, because in the SES sandbox the recipients' identities are authorised too;
          // the condition below keeps the sender to the configured address.
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' }),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: mail.configurationSetName,
          }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': [...mail.fromAddresses] } },
      }),
    );
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:${stack.region}:<AWS::AccountId>:identity/*]`,
      reason:
        'SES authorises the recipient identities too while the account is in the sandbox; the statement is bound to the configured sender by a ses:FromAddress condition.',
    });
  }
}
