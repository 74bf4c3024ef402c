import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type CfnElement, NestedStack, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionEnvironment, powertoolsEnvironment } from '../../functions/runtime/config.ts';
import { missedRunWindow } from '../../infra/constructs/alarms.ts';
import { nextFireTimes } from '../../infra/local/schedule-expression.ts';
import { dataTableOutput } from '../../infra/stacks/data-stack.ts';
import { events } from '../../shared/events.ts';
import { metricNames, metricsNamespace, serviceName } from '../../shared/metrics.ts';
import {
  edgeSecretHeader,
  fallbackRoute,
  forwardedApiHeaders,
  routeKey,
  routes,
} from '../../shared/routes.ts';
import { type ScheduleDefinition, schedules } from '../../shared/schedules.ts';
import {
  backOfficeConfigPath,
  backOfficePath,
  backOfficePathPattern,
  nationalGroup,
  signInCallbackPath,
  signInCodeMail,
  staffApiScope,
  staffScopes,
} from '../../shared/staff.ts';
import { tables } from '../../shared/tables.ts';
import { buildTestApp, synthTimeoutMs, type TestApp } from './test-app.ts';

/** A piece of synthesised template: untyped JSON, as `JSON.parse` gives it. */
type Json = ReturnType<typeof JSON.parse>;

type Resource = {
  Type: string;
  Properties: Record<string, Json>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};

/** `{ 'Fn::GetAtt': ['X', 'Arn'] }` or `{ Ref: 'X' }` → `X`. */
const target = (reference: Json): string => reference?.['Fn::GetAtt']?.[0] ?? reference?.Ref;

/**
 * The app stack and its nested stacks read as one: resources by logical id (unique across them, checked
 * below), and a reference followed across stacks to the resource it names (a nested stack receives a
 * parent's resource as a parameter, and gives its own back as an output).
 */
interface AppStacks {
  resources: (type: string) => Record<string, Resource>;
  /** The logical id of the resource `value` (a Ref or GetAtt in `stack`'s template) finally names. */
  origin: (stack: Stack, value: Json) => string | undefined;
  /** `value`, read in the stack holding resource `id`, with each parameter replaced by what the app stack passes. */
  inAppStack: (id: string, value: Json) => Json;
}

const readAppStacks = (appStack: Stack): AppStacks => {
  const nested = appStack.node
    .findAll()
    .filter((construct): construct is NestedStack => NestedStack.isNestedStack(construct));
  const templates = new Map<Stack, Json>(
    [appStack, ...nested].map((stack) => [stack, Template.fromStack(stack).toJSON()]),
  );
  const seen = new Map<string, string>();
  for (const [stack, template] of templates) {
    for (const id of Object.keys(template.Resources)) {
      if (seen.has(id)) throw new Error(`${id} is in both ${seen.get(id)} and ${stack.node.path}`);
      seen.set(id, stack.node.path);
    }
  }
  const resources = (type: string) =>
    Object.fromEntries(
      [...templates.values()].flatMap((template) =>
        Object.entries(template.Resources as Record<string, Resource>).filter(
          ([, resource]) => resource.Type === type,
        ),
      ),
    );
  const nestedByResourceId = new Map(
    nested.map((stack) => [
      (stack.nestedStackParent as Stack).getLogicalId(stack.nestedStackResource as CfnElement),
      stack,
    ]),
  );
  const origin = (stack: Stack, value: Json): string | undefined => {
    const template = templates.get(stack);
    const id = target(value);
    if (id === undefined) return undefined;
    if (template.Parameters?.[id] && NestedStack.isNestedStack(stack)) {
      const parent = stack.nestedStackParent as Stack;
      const resourceId = parent.getLogicalId(stack.nestedStackResource as CfnElement);
      return origin(parent, templates.get(parent).Resources[resourceId].Properties.Parameters[id]);
    }
    const attribute = value?.['Fn::GetAtt']?.[1];
    const child = nestedByResourceId.get(id);
    if (child && typeof attribute === 'string' && attribute.startsWith('Outputs.')) {
      return origin(child, templates.get(child).Outputs[attribute.slice('Outputs.'.length)].Value);
    }
    return id;
  };
  const stackOfResource = new Map(
    [...templates].flatMap(([stack, template]) =>
      Object.keys(template.Resources).map((id) => [id, stack] as const),
    ),
  );
  const substitute = (stack: Stack, value: Json): Json => {
    if (Array.isArray(value)) return value.map((item) => substitute(stack, item));
    if (value === null || typeof value !== 'object') return value;
    const parameter =
      typeof value.Ref === 'string' ? templates.get(stack).Parameters?.[value.Ref] : undefined;
    if (parameter && NestedStack.isNestedStack(stack)) {
      const parent = stack.nestedStackParent as Stack;
      const resourceId = parent.getLogicalId(stack.nestedStackResource as CfnElement);
      return substitute(parent, templates.get(parent).Resources[resourceId].Properties.Parameters[value.Ref]);
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(stack, item)]));
  };
  const inAppStack = (id: string, value: Json) => {
    const stack = stackOfResource.get(id);
    if (!stack) throw new Error(`No resource ${id} in the app stack or its nested stacks`);
    return substitute(stack, value);
  };
  return { resources, origin, inAppStack };
};

describe('the synthesised stacks', () => {
  let built: TestApp;
  let app: Template;
  let data: Template;
  let stacks: AppStacks;
  let assemblyDir: string;
  let lambdas: Record<string, Resource>;
  /** Logical id of each project function, by handler file name. */
  let functionIdByHandler: Record<string, string>;

  beforeAll(() => {
    // Given the app built from cdk.json's settings and a throwaway site, synthesised once
    built = buildTestApp({ registerNag: false });
    app = Template.fromStack(built.appStack);
    data = Template.fromStack(built.dataStack);
    assemblyDir = built.app.synth().directory;
    stacks = readAppStacks(built.appStack);
    lambdas = stacks.resources('AWS::Lambda::Function');
    functionIdByHandler = Object.fromEntries(
      Object.entries(built.appStack.functions).map(([handler, fn]) => [
        handler,
        Stack.of(fn.function).getLogicalId(fn.function.node.defaultChild as CfnElement),
      ]),
    );
  }, synthTimeoutMs);

  afterAll(() => built?.dispose());

  const projectFunctions = () =>
    Object.entries(lambdas).filter(([id]) => Object.values(functionIdByHandler).includes(id));

  describe('functions', () => {
    it('makes one function per route, for the fallback, per schedule and per event rule, plus the site upload', () => {
      // Then every handler has its function, and the only other one is BucketDeployment's provider
      const handlers = [...routes, fallbackRoute, ...schedules, ...events].map(
        (definition) => definition.handler,
      );
      expect(Object.keys(functionIdByHandler).sort()).toEqual([...handlers].sort());
      for (const handler of handlers) expect(lambdas[functionIdByHandler[handler] ?? '']).toBeDefined();
      const others = Object.entries(lambdas).filter(
        ([id]) => !Object.values(functionIdByHandler).includes(id),
      );
      expect(others.map(([id]) => id)).toEqual([expect.stringMatching(/^CustomCDKBucketDeployment/)]);
    });

    it('runs every project function on Node.js 24, ARM, traced, with explicit memory and timeout', () => {
      for (const [id, fn] of projectFunctions()) {
        expect(fn.Properties, id).toMatchObject({
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
          TracingConfig: { Mode: 'Active' },
          MemorySize: expect.any(Number),
          Timeout: expect.any(Number),
        });
      }
    });

    it('gives the scheduled jobs the timeout their definition asks for', () => {
      for (const schedule of schedules) {
        const fn = lambdas[functionIdByHandler[schedule.handler] ?? ''];
        expect(fn?.Properties.Timeout).toBe(schedule.timeoutSeconds ?? 10);
      }
    });

    it('bundles each handler as an ES module with the AWS SDK inside and a require shim', () => {
      for (const [id, fn] of projectFunctions()) {
        // When reading the bundle CDK staged for the function
        const assetHash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
        const code = readFileSync(join(assemblyDir, `asset.${assetHash}`, 'index.mjs'), 'utf8');

        // Then it starts with the createRequire banner, imports no @aws-sdk package at run time, has a map
        // (booleans, so that a failure does not print a megabyte of bundle)
        expect(code.startsWith("import { createRequire } from 'module';"), `${id}: banner`).toBe(true);
        expect(/(from|import\()\s*["']@aws-sdk\//.test(code), `${id}: imports @aws-sdk at run time`).toBe(
          false,
        );
        expect(code.includes('//# sourceMappingURL=index.mjs.map'), `${id}: source map`).toBe(true);
      }
    });

    it('keeps every bundle small enough for a quick cold start', () => {
      // A byte budget, not a timing: the functions that check a company's commune carry the communes
      // table (about 0.95 MB): the application and the partner offer, and staff recording or releasing
      // a submission; the contact form, which only needs a postcode's département, does not. Those
      // that mail carry the SES client and the status links' signer beside DynamoDB's, and the outbox's
      // recipient checks (suppression list, preferences, List-Unsubscribe links, about 8 KB): 570 KB. Every
      // other function stays under half a megabyte.
      //
      // Every budget then makes room for observability (issue 10): Powertools Tracer, which brings the
      // X-Ray SDK and its cls-hooked and semver (CommonJS, not tree-shaken: about 125 KB minified), and
      // Powertools Metrics (about 13 KB). Measured: every bundle grew by 136 to 140 KB. Dropping the
      // Tracer (functions/runtime/tracer.ts) would give back all but the Metrics' 13 KB.
      const observability = 145_000;
      const withCommunes = new Set([
        'submit-application',
        'submit-partner-offer',
        'record-application',
        'release-quarantined',
      ]);
      // The missions' functions that write a calendar carry the `ics` package and the yup it validates
      // with (about 67 KB); closing carries the mission's rules, templates and signed links beside SES.
      const missionBudgets: Record<string, number> = {
        'start-mission': 665_000,
        // A half-day of a started mission moved or cancelled: both people mailed, the calendar attached.
        'change-intervention': 665_000,
        'get-mission-calendar': 560_000,
        'get-public-mission-calendar': 560_000,
        'close-mission': 580_000,
        // The contact form: the forms' preset (idempotency, rate limit, answer pages) and the postcodes'
        // départements (about 40 KB), but not the communes (0.95 MB) it carried before.
        'submit-contact-message': 640_000,
        // The daily reminders attach the mission's calendar to each half-day's reminder, as start-mission does.
        'send-daily-reminders': 670_000,
        // Reads the month as the monthly job does, and bundles that job's mail path beside it (SES,
        // the recipients' checks): to split when issue 10 trims the bundles.
        'get-statistics': 580_000,
      };
      const over: string[] = [];
      for (const definition of [...routes, fallbackRoute, ...schedules, ...events]) {
        const fn = lambdas[functionIdByHandler[definition.handler] ?? ''];
        const assetHash = String(fn?.Properties.Code.S3Key).replace(/\.zip$/, '');
        const { size } = statSync(join(assemblyDir, `asset.${assetHash}`, 'index.mjs'));
        const communes = withCommunes.has(definition.handler);
        const mails = 'sendsMail' in definition && definition.sendsMail === true;
        const budget =
          observability +
          (missionBudgets[definition.handler] ?? (communes ? 1_800_000 : mails ? 570_000 : 500_000));
        if (size >= budget) over.push(`${definition.handler}: ${size} bytes`);
      }
      expect(over).toEqual([]);
    });

    it('embeds the SDK in the bundles of the functions that use DynamoDB', () => {
      for (const definition of [...routes, fallbackRoute, ...schedules, ...events]) {
        if (!('data' in definition.tables)) continue;
        const fn = lambdas[functionIdByHandler[definition.handler] ?? ''];
        const assetHash = String(fn?.Properties.Code.S3Key).replace(/\.zip$/, '');
        const code = readFileSync(join(assemblyDir, `asset.${assetHash}`, 'index.mjs'), 'utf8');
        // The DynamoDB JSON protocol's target prefix only exists inside the SDK's client code.
        expect(code.includes('DynamoDB_20120810'), `${definition.handler}: DynamoDB client inside`).toBe(
          true,
        );
      }
    });

    it('hands every function the environment of functionEnvironment, Powertools’ settings included', () => {
      const { NETWORKS: _inBundle, ...expected } = functionEnvironment({
        dataTableName: 'table',
        networks: built.settings.networks,
        national: built.settings.national,
        senderDomain: built.settings.mail.senderDomain,
        siteUrl: 'https://example.org',
        formRateLimitPerHour: built.settings.forms.rateLimitPerHour,
        edgeSecret: 'a-secret-of-16-chars',
        sesConfigurationSet: 'set',
      });
      for (const [id, fn] of projectFunctions()) {
        const variables = fn.Properties.Environment.Variables;
        expect(Object.keys(variables), id).toEqual(expect.arrayContaining(Object.keys(expected)));
        // The metrics' namespace and service the alarms watch, and traces that keep no response and
        // no error message (either can hold a person's data)
        expect(variables, id).toMatchObject({
          POWERTOOLS_SERVICE_NAME: serviceName,
          POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
          POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
          POWERTOOLS_TRACER_CAPTURE_ERROR: 'false',
        });
        expect(variables, id).toMatchObject(powertoolsEnvironment);
        // Nothing that would turn tracing or metrics off in AWS
        expect(variables.POWERTOOLS_TRACE_ENABLED, id).toBeUndefined();
        expect(variables.POWERTOOLS_METRICS_DISABLED, id).toBeUndefined();
        // The site's address is the distribution's, so links in mail lead to the deployed site.
        expect(JSON.stringify(stacks.inAppStack(id, variables.SITE_URL)), id).toContain('DomainName');
      }
    });

    it('carries the networks in the bundle, keeping the environment far below Lambda’s 4 KB', () => {
      // Given the 31 networks of the programme would need about 6 KB of JSON
      for (const [id, fn] of projectFunctions()) {
        const variables = fn.Properties.Environment.Variables;
        // Then no function has them in its environment, whose size no longer grows with the networks
        expect(variables.NETWORKS, id).toBeUndefined();
        expect(JSON.stringify(variables).length, id).toBeLessThan(2048);
      }
      // And the function that reads them finds every network, staff mailboxes included, in its code
      const catalogue = lambdas[functionIdByHandler['get-catalogue'] ?? ''];
      const assetHash = String(catalogue?.Properties.Code.S3Key).replace(/\.zip$/, '');
      const code = readFileSync(join(assemblyDir, `asset.${assetHash}`, 'index.mjs'), 'utf8');
      for (const network of built.settings.networks) {
        expect(code.includes(network.staffEmails[0] ?? '?'), network.id).toBe(true);
      }
      expect(code.includes('process.env.NETWORKS')).toBe(false);
    });

    it('logs every function to its own log group kept logRetentionDays, never through logRetention', () => {
      const logGroups = stacks.resources('AWS::Logs::LogGroup');
      for (const [id, fn] of Object.entries(lambdas)) {
        const logGroup = logGroups[target(fn.Properties.LoggingConfig?.LogGroup)];
        expect(logGroup?.Properties.RetentionInDays, id).toBe(built.settings.logRetentionDays);
      }
      for (const [id, logGroup] of Object.entries(logGroups)) {
        expect(logGroup.Properties.RetentionInDays, id).toBe(built.settings.logRetentionDays);
      }
      expect(Object.keys(stacks.resources('Custom::LogRetention'))).toEqual([]);
    });
  });

  describe('permissions', () => {
    const statementsOf = (handler: string) => {
      const fn = lambdas[functionIdByHandler[handler] ?? ''];
      const roleId = target(fn?.Properties.Role);
      return Object.values(stacks.resources('AWS::IAM::Policy'))
        .filter((policy) => policy.Properties.Roles.some((role: unknown) => target(role) === roleId))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Record<string, Json>[]);
    };
    const actionsOf = (handler: string) =>
      statementsOf(handler).flatMap((statement) => [statement.Action].flat());

    it('grants each function the table access its definition declares, and never Scan', () => {
      for (const definition of [...routes, fallbackRoute, ...schedules, ...events]) {
        const actions = actionsOf(definition.handler);
        const access = (definition.tables as Record<string, string | undefined>).data;
        expect(actions.includes('dynamodb:Query'), definition.handler).toBe(access !== undefined);
        expect(actions.includes('dynamodb:PutItem'), definition.handler).toBe(access === 'readWrite');
        expect(
          actions.filter((action) => action.startsWith('dynamodb:Scan') || action === 'dynamodb:*'),
        ).toEqual([]);
      }
    });

    it('lets only the functions that send mail call SES, as the networks’ own senders', () => {
      for (const definition of [...routes, fallbackRoute, ...schedules, ...events]) {
        const ses = statementsOf(definition.handler).filter((statement) =>
          [statement.Action].flat().some((action: string) => action.startsWith('ses:')),
        );
        if ('sendsMail' in definition && definition.sendsMail) {
          expect(ses, definition.handler).toHaveLength(1);
          // Each network sends as itself, the national coordination too, and nothing else can
          expect(ses[0]?.Condition).toEqual({
            StringEquals: {
              'ses:FromAddress': [
                'indre@alize.example.org',
                'cher@alize.example.org',
                'coordination@alize.example.org',
              ],
            },
          });
        } else {
          expect(ses, definition.handler).toEqual([]);
        }
      }
    });
  });

  describe('API', () => {
    it('has one route per definition plus $default, each integrated with its own function', () => {
      const routeResources = Object.values(app.findResources('AWS::ApiGatewayV2::Route'));
      const integrations = app.findResources('AWS::ApiGatewayV2::Integration');
      expect(routeResources).toHaveLength(routes.length + 1);

      const functionOfRoute = (key: string) => {
        const route = routeResources.find((candidate) => candidate.Properties.RouteKey === key);
        const integrationId = target(route?.Properties.Target['Fn::Join'][1][1]);
        return stacks.origin(built.appStack, integrations[integrationId]?.Properties.IntegrationUri);
      };
      for (const route of routes) {
        expect(functionOfRoute(routeKey(route)), routeKey(route)).toBe(functionIdByHandler[route.handler]);
      }
      expect(functionOfRoute('$default')).toBe(functionIdByHandler[fallbackRoute.handler]);
    });

    it('serves a throttled $default stage with JSON access logs', () => {
      app.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: {
          ThrottlingRateLimit: Match.anyValue(),
          ThrottlingBurstLimit: Match.anyValue(),
        },
        AccessLogSettings: {
          DestinationArn: Match.anyValue(),
          Format: Match.stringLikeRegexp('"\\$context.requestId"'),
        },
      });
    });
  });

  describe('staff sign-in', () => {
    const one = (template: Template, type: string) => {
      const found = Object.entries(template.findResources(type));
      expect(found, type).toHaveLength(1);
      const [id, resource] = found[0] ?? [];
      return { id: id ?? '', resource: resource as Resource };
    };
    const importsPool = (value: Json) =>
      JSON.stringify(value).includes(
        `"Fn::ImportValue":"${built.dataStack.stackName}:ExportsOutputRef${poolId()}`,
      );
    const poolId = () => one(data, 'AWS::Cognito::UserPool').id;
    const clientId = () => one(app, 'AWS::Cognito::UserPoolClient').id;

    it('keeps a staff-only user pool in the data stack: no self sign-up, retained, deletion-protected', () => {
      const { resource } = one(data, 'AWS::Cognito::UserPool');

      expect(resource).toMatchObject({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
          DeletionProtection: 'ACTIVE',
          UsernameConfiguration: { CaseSensitive: false },
          UserPoolTier: 'ESSENTIALS',
          Policies: { SignInPolicy: { AllowedFirstAuthFactors: expect.arrayContaining(['EMAIL_OTP']) } },
        },
      });
      // The user name is the address itself: no alias attribute that would make it a generated id
      expect(resource.Properties.UsernameAttributes).toBeUndefined();
      expect(resource.Properties.AliasAttributes).toBeUndefined();
      app.resourceCountIs('AWS::Cognito::UserPool', 0);
    });

    it('sends the sign-in code through SES from the sender domain, in French', () => {
      const { resource } = one(data, 'AWS::Cognito::UserPool');

      expect(resource.Properties.EmailConfiguration).toMatchObject({
        EmailSendingAccount: 'DEVELOPER',
        From: expect.stringContaining(`<coordination@${built.settings.mail.senderDomain}>`),
        ConfigurationSet: { Ref: expect.any(String) },
      });
      expect(JSON.stringify(resource.Properties.EmailConfiguration.SourceArn)).toContain(
        `:identity/${built.settings.mail.senderDomain}`,
      );
      expect(resource.Properties.EmailAuthenticationSubject).toBe(signInCodeMail.subject);
      expect(resource.Properties.EmailAuthenticationMessage).toBe(signInCodeMail.html);
      expect(resource.Properties.EmailAuthenticationMessage).toContain('{####}');
      for (const text of [
        resource.Properties.AdminCreateUserConfig.InviteMessageTemplate.EmailSubject,
        resource.Properties.VerificationMessageTemplate.EmailSubject,
      ]) {
        expect(text).toMatch(/espace équipe Alizé/);
      }
    });

    it('has one group per network and one for the national coordination, and no other', () => {
      const groups = Object.values(data.findResources('AWS::Cognito::UserPoolGroup'));

      expect(groups.map((group) => group.Properties.GroupName).sort()).toEqual(
        [...built.settings.networks.map((network) => network.id), nationalGroup].sort(),
      );
      for (const group of groups) expect(group.Properties.UserPoolId).toEqual({ Ref: poolId() });
    });

    it('serves the newer managed login on a Cognito domain, branded for the back office’s client', () => {
      expect(one(data, 'AWS::Cognito::UserPoolDomain').resource.Properties).toMatchObject({
        ManagedLoginVersion: 2,
        UserPoolId: { Ref: poolId() },
      });
      const branding = one(app, 'AWS::Cognito::ManagedLoginBranding').resource.Properties;
      expect(branding).toMatchObject({ ClientId: { Ref: clientId() }, UseCognitoProvidedValues: true });
      expect(importsPool(branding.UserPoolId)).toBe(true);
    });

    it('gives the back office a public client: code flow only, no secret, its callback and sign-out on the site', () => {
      const client = one(app, 'AWS::Cognito::UserPoolClient').resource.Properties;
      const distributionId = Object.keys(app.findResources('AWS::CloudFront::Distribution'))[0];
      const onSite = (path: string) => ({
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, path]],
      });

      expect(client).toMatchObject({
        GenerateSecret: false,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: [...staffScopes],
        SupportedIdentityProviders: ['COGNITO'],
        CallbackURLs: [onSite(signInCallbackPath)],
        LogoutURLs: [onSite(backOfficePath)],
        PreventUserExistenceErrors: 'ENABLED',
        AccessTokenValidity: 60,
        RefreshTokenValidity: 720,
        TokenValidityUnits: { AccessToken: 'minutes', RefreshToken: 'minutes' },
      });
      expect(client.ExplicitAuthFlows.sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH']);
      expect(importsPool(client.UserPoolId)).toBe(true);
    });

    it('puts the JWT authorizer, trusting the pool and the client, on exactly the staff routes', () => {
      const { id: authorizerId, resource: authorizer } = one(app, 'AWS::ApiGatewayV2::Authorizer');
      expect(authorizer.Properties).toMatchObject({
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: { Audience: [{ Ref: clientId() }] },
      });
      const issuer = authorizer.Properties.JwtConfiguration.Issuer['Fn::Join'][1];
      expect(issuer[0]).toBe(`https://cognito-idp.${built.settings.region}.amazonaws.com/`);
      expect(importsPool(issuer[1])).toBe(true);

      const routeResources = Object.values(app.findResources('AWS::ApiGatewayV2::Route'));
      const byKey = (key: string) =>
        routeResources.find((route) => route.Properties.RouteKey === key)?.Properties;
      for (const route of routes) {
        const properties = byKey(routeKey(route));
        if (route.access === 'staff') {
          expect(properties, routeKey(route)).toMatchObject({
            AuthorizationType: 'JWT',
            AuthorizerId: { Ref: authorizerId },
            AuthorizationScopes: [staffApiScope],
          });
        } else {
          expect(properties?.AuthorizationType, routeKey(route)).toBe('NONE');
          expect(properties?.AuthorizerId, routeKey(route)).toBeUndefined();
        }
      }
      expect(byKey('$default')?.AuthorizationType).toBe('NONE');
      expect(routes.some((route) => route.access === 'staff')).toBe(true);
    });

    it('forwards Authorization to the staff routes only, through a cache policy that keeps nothing', () => {
      const config = Object.values(app.findResources('AWS::CloudFront::Distribution'))[0]?.Properties
        .DistributionConfig;
      const patterns = config.CacheBehaviors.map((behaviour: Json) => behaviour.PathPattern);
      // CloudFront takes the first match: the staff API before the rest of the API
      expect(patterns.indexOf('/api/staff/*')).toBeLessThan(patterns.indexOf('/api/*'));
      const behaviour = (pattern: string) =>
        config.CacheBehaviors.find((candidate: Json) => candidate.PathPattern === pattern);
      const staff = behaviour('/api/staff/*');
      const api = behaviour('/api/*');
      const policy = app.findResources('AWS::CloudFront::CachePolicy')[staff.CachePolicyId.Ref]?.Properties
        .CachePolicyConfig;

      expect(policy).toMatchObject({
        DefaultTTL: 0,
        MinTTL: 0,
        MaxTTL: 1,
        ParametersInCacheKeyAndForwardedToOrigin: {
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Authorization'] },
          CookiesConfig: { CookieBehavior: 'none' },
        },
      });
      expect(staff).toMatchObject({
        TargetOriginId: api.TargetOriginId,
        OriginRequestPolicyId: api.OriginRequestPolicyId,
        ViewerProtocolPolicy: 'https-only',
        AllowedMethods: api.AllowedMethods,
      });
      expect(api.CachePolicyId).not.toEqual(staff.CachePolicyId);
      expect(behaviour(backOfficePathPattern)).toBeDefined();
    });

    it('writes the back office’s config.json next to the site: the pool as issuer, the client, the sign-out URL', () => {
      // Given the files the deployment uploads besides the build
      const deployment = Object.values(app.findResources('Custom::CDKBucketDeployment'))[0];
      const [, markers] = deployment?.Properties.SourceMarkers ?? [];
      const dirs = readdirSync(assemblyDir).filter((name) => name.startsWith('asset.'));
      const configFile = dirs
        .map((dir) => join(assemblyDir, dir, backOfficeConfigPath))
        .find((path) => {
          try {
            return statSync(path).isFile();
          } catch {
            return false;
          }
        });
      expect(configFile).toBeDefined();

      // When its markers are read back as the deployment fills them in
      const config = JSON.parse(readFileSync(configFile ?? '', 'utf8')) as Record<string, string>;
      const marker = (value: string) => Object.entries(markers).find(([key]) => value.includes(key));

      // Then the issuer is the pool's URL, the client its id, the logout the Cognito domain's
      expect(config.issuer?.startsWith(`https://cognito-idp.${built.settings.region}.amazonaws.com/`)).toBe(
        true,
      );
      expect(importsPool(marker(config.issuer ?? '')?.[1])).toBe(true);
      expect(marker(config.clientId ?? '')?.[1]).toEqual({ Ref: clientId() });
      expect(config.logoutUrl).toMatch(
        new RegExp(
          `^https://<<marker:0xbaba:\\d+>>\\.auth\\.${built.settings.region}\\.amazoncognito\\.com/logout$`,
        ),
      );
    });
  });

  describe('tables', () => {
    it.each(Object.values(tables))(
      'creates $id as shared/tables.ts describes it, retained and recoverable',
      (table) => {
        const [resource] = Object.values(data.findResources('AWS::DynamoDB::Table')).filter((candidate) =>
          candidate.Properties.KeySchema.some(
            (key: Json) => key.AttributeName === table.partitionKey && key.KeyType === 'HASH',
          ),
        );
        expect(resource).toMatchObject({
          DeletionPolicy: 'Retain',
          UpdateReplacePolicy: 'Retain',
          Properties: {
            BillingMode: 'PAY_PER_REQUEST',
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            KeySchema: [
              { AttributeName: table.partitionKey, KeyType: 'HASH' },
              { AttributeName: table.sortKey, KeyType: 'RANGE' },
            ],
            TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
          },
        });
        expect(resource?.Properties.TableName).toBeUndefined();
        const indexes = Object.entries(table.indexes).map(([indexName, index]) => ({
          IndexName: indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        }));
        expect(resource?.Properties.GlobalSecondaryIndexes).toEqual(indexes);
      },
    );

    it('creates one table per definition and an unnamed SES configuration set', () => {
      data.resourceCountIs('AWS::DynamoDB::Table', Object.keys(tables).length);
      data.hasResourceProperties('AWS::SES::ConfigurationSet', { Name: Match.absent() });
    });

    it('names the data table in an output, where `npm run import -- --stage` finds it', () => {
      const [tableId] = Object.keys(data.findResources('AWS::DynamoDB::Table'));
      data.hasOutput(dataTableOutput, { Value: { Ref: tableId } });
    });
  });

  describe('site', () => {
    const distributionConfig = () =>
      Object.values(app.findResources('AWS::CloudFront::Distribution'))[0]?.Properties.DistributionConfig;

    it('forwards /api/* to the HTTP API, cached only as each answer says, every method, the headers the API reads and the visitor address', () => {
      const config = distributionConfig();
      const behaviour = config.CacheBehaviors.find((candidate: Json) => candidate.PathPattern === '/api/*');
      const [policyId, policy] =
        Object.entries(app.findResources('AWS::CloudFront::OriginRequestPolicy'))[0] ?? [];
      const headers = policy?.Properties.OriginRequestPolicyConfig.HeadersConfig;
      expect(headers.HeaderBehavior).toBe('whitelist');
      expect([...headers.Headers].sort()).toEqual([...forwardedApiHeaders].sort());
      expect(headers.Headers).toContain('cloudfront-viewer-address');
      expect(headers.Headers).not.toContain('host');
      // An answer that says nothing is not kept, one that says `max-age` is kept that long (an hour at
      // most), keyed on its query string and on nothing a visitor sends besides.
      const cache = app.findResources('AWS::CloudFront::CachePolicy')[behaviour.CachePolicyId.Ref]?.Properties
        .CachePolicyConfig;
      expect(cache).toMatchObject({
        DefaultTTL: 0,
        MinTTL: 0,
        MaxTTL: 3600,
        ParametersInCacheKeyAndForwardedToOrigin: {
          QueryStringsConfig: { QueryStringBehavior: 'all' },
          HeadersConfig: { HeaderBehavior: 'none' },
          CookiesConfig: { CookieBehavior: 'none' },
        },
      });
      expect(behaviour).toMatchObject({
        OriginRequestPolicyId: { Ref: policyId },
        AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
        ViewerProtocolPolicy: 'https-only',
      });
      const origin = config.Origins.find((candidate: Json) => candidate.Id === behaviour.TargetOriginId);
      expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
      const apiId = Object.keys(app.findResources('AWS::ApiGatewayV2::Api'))[0];
      expect(JSON.stringify(origin.DomainName)).toContain(`"Fn::GetAtt":["${apiId}","ApiEndpoint"]`);
    });

    it('proves to the API that a request came through CloudFront, with the secret the functions hold', () => {
      const config = distributionConfig();
      const behaviour = config.CacheBehaviors.find((candidate: Json) => candidate.PathPattern === '/api/*');
      const origin = config.Origins.find((candidate: Json) => candidate.Id === behaviour.TargetOriginId);
      const sent = origin.OriginCustomHeaders.find((header: Json) => header.HeaderName === edgeSecretHeader);

      // The same per-stack value, derived from the stack id, on both sides
      expect(JSON.stringify(sent.HeaderValue)).toContain('AWS::StackId');
      for (const [id, fn] of projectFunctions()) {
        expect(stacks.inAppStack(id, fn.Properties.Environment.Variables.EDGE_SECRET), id).toEqual(
          sent.HeaderValue,
        );
      }
    });

    it('reads the private bucket through origin access control, index.html at the root', () => {
      const config = distributionConfig();
      const origin = config.Origins.find(
        (candidate: Json) => candidate.Id === config.DefaultCacheBehavior.TargetOriginId,
      );
      expect(origin.OriginAccessControlId).toBeDefined();
      expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
      expect(config.DefaultRootObject).toBe('index.html');
      app.hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: Match.anyValue(),
      });
    });

    it('shows /404.html for a missing file, yet lets the API’s own 404s through', () => {
      // S3 answers 403 for a missing key when CloudFront may not list the bucket.
      expect(distributionConfig().CustomErrorResponses).toEqual([
        { ErrorCode: 403, ResponseCode: 404, ResponsePagePath: '/404.html' },
      ]);
    });

    it('rewrites directory URLs to their index.html and leaves files alone', () => {
      // Given the viewer-request function's code, run as CloudFront would
      const [fn] = Object.values(app.findResources('AWS::CloudFront::Function'));
      const handler = new Function(`${fn?.Properties.FunctionCode}; return handler;`)() as (
        event: unknown,
      ) => {
        uri: string;
      };
      const rewrite = (uri: string) => handler({ request: { uri } }).uri;

      // Then
      expect(rewrite('/')).toBe('/index.html');
      expect(rewrite('/catalogue/')).toBe('/catalogue/index.html');
      expect(rewrite('/catalogue')).toBe('/catalogue/index.html');
      expect(rewrite('/_astro/page.a1b2.js')).toBe('/_astro/page.a1b2.js');
      expect(rewrite('/404.html')).toBe('/404.html');
    });

    it('outputs the site URL and the API endpoint', () => {
      app.hasOutput('SiteUrl', { Value: Match.anyValue() });
      app.hasOutput('ApiEndpoint', { Value: Match.anyValue() });
    });
  });

  describe('schedules', () => {
    it.each(schedules)(
      'runs $name at $expression, Paris time, retried, failures to an SQS queue',
      (schedule) => {
        const [resource] = Object.values(stacks.resources('AWS::Scheduler::Schedule')).filter(
          (candidate) => target(candidate.Properties.Target.Arn) === functionIdByHandler[schedule.handler],
        );
        expect(resource?.Properties).toMatchObject({
          ScheduleExpression: schedule.expression,
          ScheduleExpressionTimezone: 'Europe/Paris',
          State: 'ENABLED',
          Target: {
            RetryPolicy: {
              MaximumRetryAttempts: expect.any(Number),
              MaximumEventAgeInSeconds: expect.any(Number),
            },
          },
        });
        // The event the job reads its clock from, as the local scheduler sends it.
        expect(JSON.parse(resource?.Properties.Target.Input)).toEqual({
          schedule: schedule.name,
          scheduledTime: '<aws.scheduler.scheduled-time>',
        });
        const queueId = target(resource?.Properties.Target.DeadLetterConfig.Arn);
        const queue = stacks.resources('AWS::SQS::Queue')[queueId];
        expect(queue?.Properties.SqsManagedSseEnabled).toBe(true);
        // A run that fails inside the function lands in the same queue (asynchronous invocation).
        expect(
          target(
            lambdas[functionIdByHandler[schedule.handler] ?? '']?.Properties.DeadLetterConfig?.TargetArn,
          ),
        ).toBe(queueId);
      },
    );

    it('makes every dead-letter queue refuse unencrypted transport', () => {
      const policies = Object.values(stacks.resources('AWS::SQS::QueuePolicy'));
      for (const queueId of Object.keys(stacks.resources('AWS::SQS::Queue'))) {
        const denies = policies
          .filter((policy) => policy.Properties.Queues.some((queue: unknown) => target(queue) === queueId))
          .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
          .filter(
            (statement: Json) =>
              statement.Effect === 'Deny' && statement.Condition?.Bool?.['aws:SecureTransport'] === 'false',
          );
        expect(denies, queueId).toHaveLength(1);
      }
    });
  });

  describe('mail events', () => {
    it('sends SES bounces and complaints of the configuration set to the default event bus', () => {
      const [configurationSet] = Object.keys(data.findResources('AWS::SES::ConfigurationSet'));
      data.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
        ConfigurationSetName: { Ref: configurationSet },
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: ['bounce', 'complaint'],
          EventBridgeDestination: {
            EventBusArn: {
              'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':event-bus/default$')])],
            },
          },
        },
      });
    });

    it.each(events)(
      'routes $name of the default bus to its function, with a queue for failures',
      (definition) => {
        const rules = Object.values(stacks.resources('AWS::Events::Rule')).filter(
          (rule) => target(rule.Properties.Targets?.[0]?.Arn) === functionIdByHandler[definition.handler],
        );
        expect(rules).toHaveLength(1);
        expect(rules[0]?.Properties.EventBusName).toBe('default');
        expect(rules[0]?.Properties.EventPattern).toEqual(definition.pattern);
        const queueId = target(rules[0]?.Properties.Targets[0].DeadLetterConfig.Arn);
        expect(stacks.resources('AWS::SQS::Queue')[queueId]).toBeDefined();
        expect(
          target(
            lambdas[functionIdByHandler[definition.handler] ?? '']?.Properties.DeadLetterConfig?.TargetArn,
          ),
        ).toBe(queueId);
      },
    );

    it('sends every mail through the configuration set: each function that may send names it', () => {
      const [configurationSet] = Object.keys(data.findResources('AWS::SES::ConfigurationSet'));
      const senders = [...routes, fallbackRoute, ...schedules, ...events].filter(
        (definition) => 'sendsMail' in definition && definition.sendsMail === true,
      );
      expect(senders.length).toBeGreaterThan(3);
      for (const definition of senders) {
        const id = functionIdByHandler[definition.handler] ?? '';
        const variable = JSON.stringify(
          stacks.inAppStack(id, lambdas[id]?.Properties.Environment.Variables.SES_CONFIGURATION_SET),
        );
        // The name is the data stack's export of the configuration set's Ref
        expect(variable, definition.handler).toContain(configurationSet);
      }
    });
  });

  describe('alarms', () => {
    // The alarms live in a nested stack; what they watch reaches it from the other stacks as parameters.
    const monitoring = () => Template.fromStack(built.appStack.monitoring);
    const alarms = () =>
      Object.values(monitoring().findResources('AWS::CloudWatch::Alarm') as Record<string, Resource>).map(
        (alarm) => ({
          ...alarm,
          watched: stacks.origin(built.appStack.monitoring, alarm.Properties.Dimensions?.[0]?.Value),
        }),
      );
    const topicId = () => Object.keys(monitoring().findResources('AWS::SNS::Topic'))[0];

    it('alarms as soon as any dead-letter queue holds a message', () => {
      const queueIds = Object.keys(stacks.resources('AWS::SQS::Queue'));
      expect(queueIds.length).toBe(schedules.length + events.length);
      for (const queueId of queueIds) {
        const watching = alarms().filter(
          (alarm) =>
            alarm.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' && alarm.watched === queueId,
        );
        expect(watching, queueId).toHaveLength(1);
        expect(watching[0]?.Properties).toMatchObject({
          Threshold: 0,
          ComparisonOperator: 'GreaterThanThreshold',
        });
        expect(watching[0]?.Properties.AlarmActions.map(target)).toEqual([topicId()]);
      }
    });

    it('alarms on the errors of every project function', () => {
      for (const [id] of projectFunctions()) {
        const watching = alarms().filter(
          (alarm) => alarm.Properties.MetricName === 'Errors' && alarm.watched === id,
        );
        expect(watching, id).toHaveLength(1);
        expect(watching[0]?.Properties.AlarmActions.map(target)).toEqual([topicId()]);
      }
    });

    /** The alarms on one of the functions' own metrics, with the dimensions they watch. */
    const onMetric = (metricName: string) =>
      alarms().filter(
        (alarm) =>
          alarm.Properties.Namespace === metricsNamespace && alarm.Properties.MetricName === metricName,
      );
    const dimensionsOf = (alarm: Resource) =>
      Object.fromEntries(
        (alarm.Properties.Dimensions as { Name: string; Value: string }[]).map(({ Name, Value }) => [
          Name,
          Value,
        ]),
      );

    it('alarms as soon as the outbox gives up on a mail', () => {
      // Then one alarm watches the mails failed for good, service-wide, as the outbox job emits them
      const [failed, ...others] = onMetric(metricNames.mailsFailed);
      expect(others).toEqual([]);
      expect(failed?.Properties).toMatchObject({
        Statistic: 'Sum',
        Period: 300,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
        TreatMissingData: 'notBreaching',
      });
      expect(dimensionsOf(failed as Resource)).toEqual({ service: serviceName });
      expect(failed?.Properties.AlarmActions.map(target)).toEqual([topicId()]);
    });

    it('alarms when a scheduled job has not run for longer than its runs are ever apart', () => {
      const missed = onMetric(metricNames.jobRan);
      for (const schedule of schedules as readonly ScheduleDefinition[]) {
        // Given the job's runs over more than a year, both clock changes included
        const runs = nextFireTimes(
          schedule.expression,
          schedule.timeZone,
          new Date('2027-01-01T00:00:00Z'),
          400,
        );
        const longestGapMinutes = Math.max(
          ...runs.slice(1).map((run, index) => (run.getTime() - (runs[index] as Date).getTime()) / 60_000),
        );
        const watching = missed.filter((alarm) => dimensionsOf(alarm).job === schedule.name);
        const window = missedRunWindow(schedule);
        const periodMinutes = longestGapMinutes < 60 ? 5 : 60;

        if (longestGapMinutes + periodMinutes > 7 * 24 * 60) {
          // Then a job whose runs are further apart than an alarm can look back has none (the monthly one)
          expect(watching, schedule.name).toEqual([]);
          continue;
        }
        // Then every other job has one alarm, silent as long as the job keeps to its schedule: its
        // window is longer than the longest gap by at least a period (a run early in its period, the
        // next late in its own)
        expect(watching, schedule.name).toHaveLength(1);
        expect(window, schedule.name).toBeDefined();
        const windowMinutes =
          (watching[0]?.Properties.Period / 60) * watching[0]?.Properties.EvaluationPeriods;
        expect(windowMinutes, schedule.name).toBe(schedule.missedAfterMinutes);
        expect(windowMinutes, schedule.name).toBeGreaterThanOrEqual(longestGapMinutes + periodMinutes);
        // And it goes off when every period of the window passed without a run: no data is no run
        expect(watching[0]?.Properties, schedule.name).toMatchObject({
          Statistic: 'Sum',
          Threshold: 1,
          ComparisonOperator: 'LessThanThreshold',
          DatapointsToAlarm: watching[0]?.Properties.EvaluationPeriods,
          TreatMissingData: 'breaching',
        });
        expect(dimensionsOf(watching[0] as Resource)).toEqual({ service: serviceName, job: schedule.name });
        expect(watching[0]?.Properties.AlarmActions.map(target)).toEqual([topicId()]);
      }
      // And the outbox, which a person's mail may be waiting in, is missed after 15 minutes
      const outbox = missed.find((alarm) => dimensionsOf(alarm).job === 'deliver-outbox');
      expect((outbox?.Properties.Period / 60) * outbox?.Properties.EvaluationPeriods).toBe(15);
    });

    it('keeps every stack, nested ones included, under CloudFormation’s 500 resources', () => {
      // Room for a dozen more routes in each: a stack within 100 of the limit is one to split now.
      const stacksOfApp = built.app.node
        .findAll()
        .filter((construct): construct is Stack => Stack.isStack(construct));
      expect(stacksOfApp.length).toBeGreaterThan(5);
      const crowded = stacksOfApp
        .map(
          (stack) =>
            [stack.node.path, Object.keys(Template.fromStack(stack).toJSON().Resources).length] as const,
        )
        .filter(([, count]) => count >= 400);
      expect(crowded).toEqual([]);
    });

    it('mails alarms to settings.alarmEmail through an encrypted topic', () => {
      monitoring().hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
      monitoring().hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: built.settings.alarmEmail,
      });
      monitoring().hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    });
  });
});
