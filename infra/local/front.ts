import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { staffApiPathPrefix } from '../../shared/routes.ts';
import { backOfficeSecurityHeaders, securityHeaders } from '../../shared/security-headers.ts';
import {
  type BackOfficeConfig,
  backOfficeConfigPath,
  isBackOfficePath,
  staffApiScope,
} from '../../shared/staff.ts';
import {
  fromResult,
  gatewayError,
  type HttpAnswer,
  type JwtAuthorizerContext,
  matchRoute,
  rawPathOf,
  toEvent,
} from './api-gateway.ts';
import { compressAsCloudFront } from './compression.ts';
import type { jwtAuthorizer } from './jwt-authorizer.ts';
import { invokeHandler, LambdaTimeoutError } from './lambda-runtime.ts';

/**
 * The local stand-in for CloudFront: one origin that serves the built site and sends `/api/*`
 * to the real handlers, so the browser sees what it will see in AWS (same origin, no CORS).
 */

/** API Gateway refuses larger payloads before any function runs. */
const maxBodyBytes = 10 * 1024 * 1024;

const readBody = (request: IncomingMessage): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        resolve(undefined);
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

const send = (response: ServerResponse, answer: HttpAnswer) => {
  response.writeHead(answer.statusCode, { ...answer.headers, 'content-length': answer.body.length });
  response.end(answer.body);
};

/** One API request as the front handled it: for the tests that check a refused token never reaches a function. */
export interface ApiRequestRecord {
  routeKey: string;
  handler: string;
  statusCode: number;
  /** False when the gateway answered itself (authorizer refusal, oversized body). */
  invoked: boolean;
}

interface ApiContext {
  edgeSecret: string;
  staffAuthorizer: ReturnType<typeof jwtAuthorizer>;
  log: (line: string) => void;
  onApiRequest: (record: ApiRequestRecord) => void;
}

const handleApi = async (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: ApiContext,
) => {
  const { edgeSecret, log } = context;
  const body = await readBody(request);
  if (!body) {
    send(response, {
      statusCode: 413,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"message":"Request Entity Too Large"}'),
    });
    return;
  }
  // API Gateway routes the path as it was sent: `/api/x/../catalogue` is no route of ours, whatever
  // it would normalise to.
  const rawPath = rawPathOf(request.url);
  const route = matchRoute(request.method ?? 'GET', rawPath);
  const started = Date.now();
  // Staff routes: the JWT authorizer first, as API Gateway runs it before the integration.
  let authorizer: JwtAuthorizerContext | undefined;
  if (route.access === 'staff') {
    const header = request.headers.authorization;
    const authorization = await context.staffAuthorizer.authorize(header, [staffApiScope]);
    if (!authorization.ok) {
      log(
        `${request.method} ${rawPath} → ${authorization.answer.statusCode} (refusé par l’autorisation JWT)`,
      );
      context.onApiRequest({
        routeKey: route.routeKey,
        handler: route.handler,
        statusCode: authorization.answer.statusCode,
        invoked: false,
      });
      send(response, authorization.answer);
      return;
    }
    authorizer = { jwt: authorization.jwt };
  }
  let answer: HttpAnswer;
  try {
    answer = fromResult(
      await invokeHandler(
        route.handler,
        toEvent(request, url, rawPath, body, route, edgeSecret, authorizer),
        route.timeoutSeconds,
      ),
    );
  } catch (error) {
    // A function that throws or times out is a bug: the gateway's bare answer, as in AWS.
    answer = gatewayError(error instanceof LambdaTimeoutError ? 504 : 500);
    log(`${route.handler} a échoué\u00a0: ${(error as Error).name}`);
  }
  log(`${request.method} ${rawPath} → ${answer.statusCode} (${route.handler}, ${Date.now() - started} ms)`);
  context.onApiRequest({
    routeKey: route.routeKey,
    handler: route.handler,
    statusCode: answer.statusCode,
    invoked: true,
  });
  send(response, answer);
};

export interface FrontOptions {
  port: number;
  siteDir: string;
  /** Added to every API request, as CloudFront adds its origin custom header (shared/routes.ts). */
  edgeSecret: string;
  /** The staff routes' JWT authorizer, as the CDK stack puts one before them. */
  staffAuthorizer: ReturnType<typeof jwtAuthorizer>;
  /** What the deployment writes into the bucket at `backOfficeConfigPath`, and the origins its CSP lets the script reach. */
  backOffice: { config: () => BackOfficeConfig; issuerOrigins: readonly string[] };
  log?: (line: string) => void;
  onApiRequest?: (record: ApiRequestRecord) => void;
}

export const startFront = async ({
  port,
  siteDir,
  edgeSecret,
  staffAuthorizer,
  backOffice,
  log = () => {},
  onApiRequest = () => {},
}: FrontOptions): Promise<Server> => {
  const hasSite = existsSync(join(siteDir, 'index.html'));
  const notFoundPage = join(siteDir, '404.html');
  const serveSite = hasSite
    ? sirv(siteDir, {
        etag: true,
        dotfiles: false,
        // sirv knows no type for .ico; S3 (through BucketDeployment) serves it as an icon.
        setHeaders: (response, pathname) => {
          if (pathname.endsWith('.ico')) response.setHeader('content-type', 'image/x-icon');
        },
      })
    : undefined;

  const backOfficeHeaders = backOfficeSecurityHeaders(backOffice.issuerOrigins);
  const server = createServer((request, response) => {
    // CloudFront picks a behaviour on the normalised path (dot segments resolved), then sends the
    // raw path to the origin: the same here.
    const url = new URL(request.url ?? '/', 'http://localhost');
    // As CloudFront's response-headers policies do, on every answer: the back office's own under its path.
    const headers = isBackOfficePath(url.pathname) ? backOfficeHeaders : securityHeaders;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    // Every behaviour compresses but the staff API's, whose cache policy enables neither gzip nor
    // Brotli (infra/constructs/site.ts): CloudFront then passes its answers as the origin sent them.
    if (!url.pathname.startsWith(staffApiPathPrefix)) compressAsCloudFront(request, response);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      handleApi(request, response, url, { edgeSecret, staffAuthorizer, log, onApiRequest }).catch(() =>
        send(response, gatewayError(500)),
      );
      return;
    }
    // In AWS a file the deployment writes into the bucket; here the local issuer's values.
    if (url.pathname === backOfficeConfigPath && (request.method === 'GET' || request.method === 'HEAD')) {
      const body = Buffer.from(JSON.stringify(backOffice.config()));
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': body.length,
        'cache-control': 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    if (!serveSite) {
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Le site n’est pas construit\u00a0: lancez «\u00a0npm run build:site\u00a0».');
      return;
    }
    // Like the CloudFront error response: a missing page answers the site's own 404 page.
    serveSite(request, response, () => {
      // With its length, as S3 sends the error page to CloudFront (which compresses it then).
      const body = existsSync(notFoundPage) ? readFileSync(notFoundPage) : Buffer.from('Page introuvable');
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
      response.end(request.method === 'HEAD' ? undefined : body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
};
