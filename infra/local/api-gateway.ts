import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { functionDefaults } from '../../shared/function-defaults.ts';
import {
  edgeSecretHeader,
  fallbackRoute,
  forwardedApiHeaders,
  type RouteDefinition,
  routeKey,
  routes,
  staffApiPathPrefix,
} from '../../shared/routes.ts';

/**
 * What API Gateway (HTTP API, payload 2.0) does between CloudFront and a function: pick the route
 * from shared/routes.ts, build the event, and turn the function's answer into an HTTP response.
 */
export interface MatchedRoute {
  handler: string;
  routeKey: string;
  /** `staff`: behind the JWT authorizer (infra/local/jwt-authorizer.ts), as in AWS. */
  access: RouteDefinition['access'];
  timeoutSeconds: number;
  pathParameters?: Record<string, string>;
}

/** A segment whose escapes are not UTF-8 is handed on as sent: the function then finds nothing by it. */
const decodedOrRaw = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

const templateMatch = (template: string, path: string): Record<string, string> | undefined => {
  const want = template.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = have[index] ?? '';
    const param = /^\{(\w+)\}$/.exec(segment);
    if (param?.[1]) {
      if (!actual) return undefined;
      params[param[1]] = decodedOrRaw(actual);
    } else if (segment !== actual) return undefined;
  }
  return params;
};

export const matchRoute = (method: string, path: string): MatchedRoute => {
  for (const route of routes as readonly RouteDefinition[]) {
    if (route.method !== method) continue;
    const params = templateMatch(route.path, path);
    if (!params) continue;
    return {
      handler: route.handler,
      routeKey: routeKey(route),
      access: route.access,
      timeoutSeconds: route.timeoutSeconds ?? functionDefaults.timeoutSeconds,
      ...(Object.keys(params).length > 0 ? { pathParameters: params } : {}),
    };
  }
  return {
    handler: fallbackRoute.handler,
    routeKey: '$default',
    access: fallbackRoute.access,
    timeoutSeconds: functionDefaults.timeoutSeconds,
  };
};

const forwarded = new Set<string>(forwardedApiHeaders.filter((name) => name !== 'cloudfront-viewer-address'));

/**
 * CloudFront's `/api/staff/*` behaviour also sends `Authorization` (its cache policy names it, the only
 * way CloudFront forwards that header on a GET). Elsewhere the front does not pass it on: no public
 * handler reads it, and the `/api/*` behaviour does not forward it on GET and HEAD.
 */
export const forwardsAuthorization = (path: string) => path.startsWith(staffApiPathPrefix);

/** What a JWT authorizer hands the function, in `requestContext.authorizer`. */
export interface JwtAuthorizerContext {
  jwt: { claims: Record<string, string>; scopes: string[] | null };
}

const viewerAddress = (request: IncomingMessage) => {
  const ip = request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';
  return `${ip.includes(':') ? `[${ip}]` : ip}:${request.socket.remotePort ?? 0}`;
};

const textual = /^(text\/|application\/(json|x-www-form-urlencoded|xml)|multipart\/form-data)/;

/** The path of a request line exactly as sent, before any normalisation: `/api/a/../b?x` → `/api/a/../b`. */
export const rawPathOf = (requestTarget: string | undefined): string => {
  const target = requestTarget ?? '/';
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
};

export const toEvent = (
  request: IncomingMessage,
  url: URL,
  rawPath: string,
  body: Buffer,
  route: MatchedRoute,
  edgeSecret: string,
  authorizer?: JwtAuthorizerContext,
): APIGatewayProxyEventV2 => {
  const headers: Record<string, string> = {};
  const withAuthorization = forwardsAuthorization(url.pathname);
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    // Only what CloudFront's origin request policy lets through (no cookies), joined as API Gateway joins repeats.
    if (forwarded.has(name) || (withAuthorization && name === 'authorization')) {
      headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
  }
  // CloudFront adds the visitor's address, whatever the visitor sent under that name.
  headers['cloudfront-viewer-address'] = viewerAddress(request);
  // And its origin custom header, which proves the request came through it.
  headers[edgeSecretHeader] = edgeSecret;
  headers.host = request.headers.host ?? 'localhost';
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  const isText = body.length === 0 || textual.test(headers['content-type'] ?? '');
  const now = new Date();
  const method = request.method ?? 'GET';
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(route.pathParameters ? { pathParameters: route.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method,
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(authorizer ? { authorizer } : {}),
    },
    ...(body.length > 0 ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: !isText,
  };
};

export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** Payload 2.0 rules: a structured result is taken as is; anything else is JSON with status 200. */
export const fromResult = (result: unknown): HttpAnswer => {
  if (result && typeof result === 'object' && 'statusCode' in result) {
    const structured = result as APIGatewayProxyStructuredResultV2;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name] = String(value);
    if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
    const raw = structured.body ?? '';
    return {
      statusCode: structured.statusCode ?? 200,
      headers,
      body: structured.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8'),
    };
  }
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(typeof result === 'string' ? result : JSON.stringify(result ?? null), 'utf8'),
  };
};

/** API Gateway's own answers when the function itself fails, not the function's. */
export const gatewayError = (statusCode: 500 | 503 | 504): HttpAnswer => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(
    JSON.stringify({ message: statusCode === 504 ? 'Service Unavailable' : 'Internal Server Error' }),
  ),
});
