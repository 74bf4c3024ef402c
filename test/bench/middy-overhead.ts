import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Context } from 'aws-lambda';
import { errorResponse, internalErrorResponse } from '../../functions/http/errors.ts';
import type { HttpEvent, HttpResult, httpHandler } from '../../functions/http/middy.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { type JwtAuthorizerContext, matchRoute, toEvent } from '../../infra/local/api-gateway.ts';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { accessTokenClaims } from '../../infra/local/issuer-tokens.ts';
import { gatewayClaims, gatewayScopes } from '../../infra/local/jwt-authorizer.ts';
import { lambdaContext as localLambdaContext } from '../../infra/local/lambda-runtime.ts';
import { findStaffAccount } from '../../infra/local/staff-accounts.ts';
import { validApplication } from '../support/form-posts.ts';

/**
 * What the middy stack (functions/http/middy.ts: Powertools' logger context, the header normaliser,
 * the error answer) adds to a route, in-process against dynalite and the local SES: the real handler
 * against the same function unwrapped (`withoutMiddleware`), which does the same work — the presets'
 * claims, rate limit, idempotency record, use case, mails — and builds the same answer, errors
 * included (errorResponse, as the stack's last middleware). Events are built as the local front
 * builds them (infra/local/api-gateway.ts), staff claims as its JWT authorizer hands them over. Each
 * route: the median of `runs` calls of each side, interleaved, the first call of each side not kept.
 * Timings are reported, never asserted.
 */

export const middyGoal = 1.05;

type WrappedHandler = ReturnType<typeof httpHandler>;
type Invoke = (event: HttpEvent, context: Context) => Promise<HttpResult>;

const staffEmail = 'claire.bernard@initiative-indre.example.org';

interface BenchRoute {
  label: string;
  method: 'GET' | 'POST';
  /** Path and query, as the browser sends it. */
  target: string;
  staff?: boolean;
  body?: () => string;
  headers?: () => Record<string, string>;
}

const benchRoutes: readonly BenchRoute[] = [
  { label: 'GET /api/catalogue?network=indre', method: 'GET', target: '/api/catalogue?network=indre' },
  { label: 'GET /api/inconnue (repli, 404)', method: 'GET', target: '/api/inconnue' },
  { label: 'GET /api/staff/me', method: 'GET', target: '/api/staff/me', staff: true },
  {
    label: 'GET /api/staff/applications?network=indre',
    method: 'GET',
    target: '/api/staff/applications?network=indre',
    staff: true,
  },
  {
    label: 'POST /api/applications (valide, 2 courriels)',
    method: 'POST',
    target: '/api/applications',
    body: () => JSON.stringify(validApplication()),
    headers: () => ({ 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
  },
];

/** As a browser's fetch through CloudFront: the headers the front forwards, lowercase as Node gives them. */
const fakeRequest = (route: BenchRoute, extra: Record<string, string>) =>
  ({
    method: route.method,
    httpVersion: '1.1',
    headers: {
      host: 'localhost',
      accept: '*/*',
      'accept-language': 'fr-FR,fr;q=0.9',
      'user-agent': 'alize-bench',
      ...extra,
    },
    socket: { remoteAddress: '127.0.0.1', remotePort: 50_000 },
  }) as unknown as IncomingMessage;

const context = (handler: string): Context => localLambdaContext(handler, Date.now() + 10_000);

/** The same function without middy, answering a thrown error as the stack's last middleware does. */
const bare =
  (handler: WrappedHandler): Invoke =>
  async (event, lambdaContext) => {
    try {
      return await handler.withoutMiddleware(event, lambdaContext);
    } catch (error) {
      return errorResponse(error) ?? internalErrorResponse();
    }
  };

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** One line per route; plain JSON values, French column names, ready for console.table. */
export interface MiddyOverheadRow {
  route: string;
  fonction: string;
  statut: number;
  'avec middy (ms)': number;
  'sans middy (ms)': number;
  /** Median with middy minus median without: a fixed cost, whatever the route does. */
  'surcoût (µs)': number;
  rapport: number;
  objectif: string;
  résultat: 'ok' | 'DÉPASSE';
}

export interface MiddyOverheadOptions {
  /** A running local cloud (its environment already exported); else one is started and stopped. */
  cloud?: LocalCloud;
  /** Calls of each side per route. */
  runs?: number;
}

export const measureMiddyOverhead = async (
  options: MiddyOverheadOptions = {},
): Promise<MiddyOverheadRow[]> => {
  const runs = options.runs ?? 200;
  const settings = readSettingsFile();
  // More applications than a person would post: the form limit must not answer 429.
  const cloud =
    options.cloud ??
    (await startLocalCloud({
      ports: { front: 0, dynamodb: 0, ses: 0, issuer: 0 },
      runSchedules: false,
      settings: { ...settings, forms: { ...settings.forms, rateLimitPerHour: 100_000 } },
    }));
  try {
    const edgeSecret = process.env.EDGE_SECRET ?? '';
    const account = findStaffAccount(staffEmail);
    if (!account) throw new Error(`No seeded staff account ${staffEmail}`);
    const staffAuthorizer = (): JwtAuthorizerContext => {
      // What the authorizer hands over for a token the issuer gave this account.
      const payload = accessTokenClaims(account, {
        issuer: cloud.issuer.url,
        clientId: cloud.issuer.clientId,
      });
      return { jwt: { claims: gatewayClaims(payload), scopes: gatewayScopes(payload) } };
    };

    const rows: MiddyOverheadRow[] = [];
    for (const route of benchRoutes) {
      const url = new URL(route.target, 'http://localhost');
      const matched = matchRoute(route.method, url.pathname);
      const module = (await import(`../../functions/handlers/${matched.handler}.ts`)) as {
        handler: WrappedHandler;
      };
      const withMiddy: Invoke = module.handler as unknown as Invoke;
      const without = bare(module.handler);
      const event = () => {
        const body = Buffer.from(route.body?.() ?? '');
        const request = fakeRequest(route, {
          ...route.headers?.(),
          ...(route.staff ? { authorization: 'Bearer bench' } : {}),
        });
        return toEvent(
          request,
          url,
          url.pathname,
          body,
          matched,
          edgeSecret,
          route.staff ? staffAuthorizer() : undefined,
        );
      };
      const call = async (invoke: Invoke) => {
        const input = event();
        const lambdaContext = context(matched.handler);
        const started = performance.now();
        const result = await invoke(input, lambdaContext);
        return { ms: performance.now() - started, result };
      };

      // The first call of each side, not kept: it loads the module and builds the clients. Both
      // sides in a row on the same data, so their answers must match.
      const [middyFirst, bareFirst] = [await call(withMiddy), await call(without)];
      const status = middyFirst.result.statusCode ?? 200;
      if (status >= 500 || bareFirst.result.statusCode !== status)
        throw new Error(
          `${route.label}: middy answered ${status}, bare ${bareFirst.result.statusCode}: not the same work`,
        );
      if (route.method === 'GET' && middyFirst.result.body !== bareFirst.result.body)
        throw new Error(`${route.label}: middy and bare answered different bodies`);

      const middyTimes: number[] = [];
      const bareTimes: number[] = [];
      const timed = async (invoke: Invoke, times: number[]) => {
        const { ms, result } = await call(invoke);
        if (result.statusCode !== status)
          throw new Error(`${route.label} answered ${result.statusCode}, not ${status}`);
        times.push(ms);
      };
      for (let run = 0; run < runs; run++) {
        // Alternate which goes first, so neither always follows the other.
        if (run % 2 === 0) {
          await timed(withMiddy, middyTimes);
          await timed(without, bareTimes);
        } else {
          await timed(without, bareTimes);
          await timed(withMiddy, middyTimes);
        }
      }
      const middyMs = median(middyTimes);
      const bareMs = median(bareTimes);
      const ratio = middyMs / bareMs;
      rows.push({
        route: route.label,
        fonction: matched.handler,
        statut: status,
        'avec middy (ms)': Math.round(middyMs * 1000) / 1000,
        'sans middy (ms)': Math.round(bareMs * 1000) / 1000,
        'surcoût (µs)': Math.round((middyMs - bareMs) * 1000),
        rapport: Math.round(ratio * 100) / 100,
        objectif: `≤ ×${middyGoal}`,
        résultat: ratio <= middyGoal ? 'ok' : 'DÉPASSE',
      });
    }
    return rows;
  } finally {
    if (!options.cloud) await cloud.stop();
  }
};

/** What bench/results.json keeps. */
export const middyOverheadSummary = (rows: readonly MiddyOverheadRow[], runs = 200) => ({
  objectif: middyGoal,
  appels: runs,
  'hors objectif': rows.filter((row) => row.résultat !== 'ok').length,
  lignes: rows,
});

export const printMiddyOverhead = (rows: readonly MiddyOverheadRow[], runs = 200) => {
  console.log(
    `\nCe qu’ajoute middy à chaque appel (gestionnaire réel contre la même fonction sans middy, en mémoire contre dynalite ; médiane de ${runs} appels chacun, en alternance ; objectif\u00a0: ≤\u00a0×${middyGoal})\u00a0:`,
  );
  console.table(rows);
  console.log(
    'Une route sans entrée-sortie (repli, session) dure quelques microsecondes\u00a0: le rapport y compare le surcoût fixe de middy à presque rien.',
  );
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const runsIndex = process.argv.indexOf('--runs');
  const runs = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 200;
  const rows = await measureMiddyOverhead({ runs });
  printMiddyOverhead(rows, runs);
}
