import { Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import type { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type RouteDefinition, routeKey, staffApiPathPrefix } from '../../shared/routes.ts';
import { staffApiScope } from '../../shared/staff.ts';
import { pascalCase } from './app-function.ts';
import { retentionDays } from './log-retention.ts';

export interface ApiProps {
  readonly logRetentionDays: number;
}

// Whole-API limits: far above what the forms and the catalogue need, low enough that a script
// hammering the API is refused by API Gateway before it costs Lambda time and DynamoDB reads.
const THROTTLE = { rateLimit: 20, burstLimit: 50 };

// One JSON line per request, so Logs Insights can filter on any field; no body, no header: no personal data.
const ACCESS_LOG_FORMAT = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  sourceIp: '$context.identity.sourceIp',
  method: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
};

/**
 * The HTTP API behind the site's `/api/*`: one route per entry of shared/routes.ts, and a `$default`
 * route that answers everything else with the same JSON error as locally.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    // No default stage here: the stage below is declared explicitly to carry throttling and access logs.
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `${Stack.of(this).stackName}-api`,
      description: 'Alizé: the API behind the site’s /api/*',
      createDefaultStage: false,
    });

    // Where API Gateway writes one line per request.
    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: retentionDays(props.logRetentionDays) });

    // `$default` stage: served at the API's root, so CloudFront forwards `/api/...` paths unchanged.
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FORMAT)),
      },
    });
  }

  get endpoint(): string {
    return this.httpApi.apiEndpoint;
  }

  /**
   * One route per definition, proxied to its own function (payload format 2.0). A staff route sits
   * behind the staff JWT authorizer, and requires the scope only access tokens carry.
   */
  addRoute(route: RouteDefinition, handler: IFunction, staffAuthorizer?: HttpJwtAuthorizer): HttpRoute {
    const id = pascalCase(`${route.method.toLowerCase()} ${route.path}`);
    const common = {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration: new HttpLambdaIntegration(`${id}Integration`, handler),
    };
    if (route.access === 'staff') {
      // Refuse rather than publish a staff route without its authorizer, or where CloudFront drops the token.
      if (!staffAuthorizer)
        throw new Error(`Route ${routeKey(route)} is for staff, but no staff authorizer was given.`);
      if (!route.path.startsWith(staffApiPathPrefix)) {
        throw new Error(`Route ${routeKey(route)} is for staff, but outside ${staffApiPathPrefix}.`);
      }
      return new HttpRoute(this, `${id}Route`, {
        ...common,
        authorizer: staffAuthorizer,
        authorizationScopes: [staffApiScope],
      });
    }
    const httpRoute = new HttpRoute(this, `${id}Route`, common);
    Validations.of(httpRoute).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: `Public route (${routeKey(route)}, access: 'public' in shared/routes.ts): called by anonymous visitors of the public site.`,
    });
    return httpRoute;
  }

  /** The `$default` route: every method and path that no route matches. */
  addFallback(handler: IFunction): HttpRoute {
    // Catch-all, so an unknown path or a wrong method gets the API's JSON error rather than API Gateway's.
    const httpRoute = new HttpRoute(this, 'FallbackRoute', {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('FallbackIntegration', handler),
    });
    Validations.of(httpRoute).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Catch-all $default route: answers unknown paths and methods with a JSON 404/405 and reads no data.',
    });
    return httpRoute;
  }
}
