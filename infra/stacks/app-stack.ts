import {
  CfnOutput,
  CrossStackReferences,
  Fn,
  NestedStack,
  ReferenceStrength,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { functionEnvironment } from '../../functions/runtime/config.ts';
import { events } from '../../shared/events.ts';
import { senderAddress } from '../../shared/networks.ts';
import { assertStaffRoutesUnderPrefix, fallbackRoute, routes } from '../../shared/routes.ts';
import { schedules } from '../../shared/schedules.ts';
import type { Settings } from '../config.ts';
import { Alarms } from '../constructs/alarms.ts';
import { Api } from '../constructs/api.ts';
import { AppFunction, type FunctionResources, pascalCase } from '../constructs/app-function.ts';
import { BackOfficeClient } from '../constructs/back-office-client.ts';
import { EventRules } from '../constructs/event-rules.ts';
import { Schedules } from '../constructs/schedules.ts';
import { Site } from '../constructs/site.ts';
import { signInDomainUrl } from '../constructs/staff-users.ts';
import type { DataStack } from './data-stack.ts';

export interface AppStackProps extends StackProps {
  readonly settings: Settings;
  readonly data: DataStack;
  /** The built site to upload (Astro's output directory). */
  readonly siteAssetsDir: string;
}

/**
 * Everything that can be destroyed and redeployed at will: functions, API, site, schedules, alarms.
 * The data it works on lives in the data stack.
 */
export class AppStack extends Stack {
  readonly api: Api;
  readonly site: Site;
  readonly backOffice: BackOfficeClient;
  /** Every project function, by handler file name (functions/handlers/<name>.ts). */
  readonly functions: Readonly<Record<string, AppFunction>>;
  readonly schedules: Schedules;
  readonly eventRules: EventRules;
  /**
   * The functions live in nested stacks (the routes, their integrations and the authorizer stay here,
   * with the API): one function's role, policy, log group and permission, beside every route's, would
   * take one stack past the 500 resources CloudFormation lets a stack hold.
   */
  readonly publicFunctions: NestedStack;
  readonly staffFunctions: NestedStack;
  /** The scheduled jobs and the functions of the event rules, with their schedules, rules and queues. */
  readonly jobs: NestedStack;
  /** The alarms: errors, dead letters, mails given up on, jobs that stopped running. */
  readonly monitoring: NestedStack;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { settings, data } = props;
    // Strong references (CloudFormation exports): the data stack cannot drop a table this stack still uses.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);

    // The API first, then the site in front of it: the functions need the site's address (links in mail).
    this.api = new Api(this, 'Api', { logRetentionDays: settings.logRetentionDays });
    // Proof that a request to the API came through CloudFront: the stack's own UUID, which no outsider
    // knows and no commit holds, differs per deployment and needs no secret store.
    const edgeSecret = Fn.select(2, Fn.split('/', this.stackId));
    // Where the back office signs in: managed login on the pool's Cognito domain, tokens issued by the pool.
    const signInDomain = signInDomainUrl(settings.stage, settings.region);
    this.site = new Site(this, 'Site', {
      edgeSecret,
      assetsDir: props.siteAssetsDir,
      apiEndpoint: this.api.endpoint,
      logRetentionDays: settings.logRetentionDays,
      siteDomain: settings.siteDomain,
      backOfficeIssuerOrigins: [`https://cognito-idp.${settings.region}.amazonaws.com`, signInDomain],
    });

    // The back office's app client (its callback is on the site) and the JWT authorizer of the staff routes.
    assertStaffRoutesUnderPrefix(routes);
    this.backOffice = new BackOfficeClient(this, 'BackOffice', {
      userPool: data.staff.userPool,
      siteUrl: this.site.url,
      signInDomainUrl: signInDomain,
    });
    this.site.publishBackOfficeConfig({ ...this.backOffice.config });

    const resources: FunctionResources = {
      environment: functionEnvironment({
        dataTableName: data.tables.data.table.tableName,
        networks: settings.networks,
        national: settings.national,
        senderDomain: settings.mail.senderDomain,
        siteUrl: this.site.url,
        formRateLimitPerHour: settings.forms.rateLimitPerHour,
        edgeSecret,
        sesConfigurationSet: data.configurationSet.configurationSetName,
      }),
      logRetentionDays: settings.logRetentionDays,
      tables: data.tables,
      mail: {
        // Each network sends as itself, the national coordination too: exactly these addresses.
        fromAddresses: [
          ...settings.networks.map((network) => senderAddress(settings.mail.senderDomain, network.id)),
          senderAddress(settings.mail.senderDomain, undefined),
        ],
        configurationSetName: data.configurationSet.configurationSetName,
      },
    };

    const functions: Record<string, AppFunction> = {};
    const register = (handler: string, fn: AppFunction) => {
      // One function per definition: a handler file shared by two definitions would also share its alarm.
      if (functions[handler])
        throw new Error(`Handler ${handler} serves two definitions; give each its own file.`);
      functions[handler] = fn;
    };
    this.publicFunctions = new NestedStack(this, 'PublicFunctions', {
      description: 'Alizé: the functions behind the public routes',
    });
    this.staffFunctions = new NestedStack(this, 'StaffFunctions', {
      description: 'Alizé: the functions behind the staff routes',
    });
    this.jobs = new NestedStack(this, 'Jobs', {
      description: 'Alizé: the scheduled jobs and the functions of the event rules',
    });
    const apiFunction = (definition: (typeof routes)[number] | typeof fallbackRoute, description: string) => {
      const id = pascalCase(definition.handler);
      // The function behind one API route, in the nested stack of its access.
      const home = definition.access === 'staff' ? this.staffFunctions : this.publicFunctions;
      const fn = new AppFunction(home, id, { definition, resources, description });
      Validations.of(fn.function).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked synchronously by API Gateway: the caller receives the error, and a dead-letter queue only ever receives asynchronous invocations.',
      });
      register(definition.handler, fn);
      return fn;
    };
    for (const route of routes) {
      const fn = apiFunction(route, `API: ${route.method} ${route.path}`);
      this.api.addRoute(route, fn.function, this.backOffice.authorizer);
    }
    this.api.addFallback(apiFunction(fallbackRoute, 'API: every request no route matches').function);

    this.schedules = new Schedules(this.jobs, 'Schedules', { schedules, resources });
    for (const job of this.schedules.jobs) {
      register(job.definition.handler, job.function);
    }
    this.eventRules = new EventRules(this.jobs, 'EventRules', { definitions: events, resources });
    for (const rule of this.eventRules.rules) {
      register(rule.definition.handler, rule.function);
    }
    this.functions = functions;

    // In a nested stack of their own, for the same reason as the functions.
    this.monitoring = new NestedStack(this, 'Monitoring', {
      description: 'Alizé: alarms of the functions, the queues and the metrics where someone waits',
    });
    new Alarms(this.monitoring, 'Alarms', {
      email: settings.alarmEmail,
      functions: Object.fromEntries(
        Object.entries(functions).map(([handler, fn]) => [pascalCase(handler), fn.function]),
      ),
      deadLetterQueues: Object.fromEntries([
        ...this.schedules.jobs.map((job) => [pascalCase(job.definition.name), job.failures] as const),
        ...this.eventRules.rules.map((rule) => [pascalCase(rule.definition.name), rule.failures] as const),
      ]),
      schedules,
    });

    // Where the site is served, for people and for the end-to-end tests.
    new CfnOutput(this, 'SiteUrl', { value: this.site.url });
    // The API's own address, to call it without CloudFront when diagnosing.
    new CfnOutput(this, 'ApiEndpoint', { value: this.api.endpoint });
  }
}
