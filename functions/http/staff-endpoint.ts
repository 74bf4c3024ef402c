import { createHash } from 'node:crypto';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import { idempotencyHeader } from '../../shared/forms.ts';
import { IdempotencyKeyReusedError, SubmissionInProgressError } from '../domain/errors.ts';
import { type Actor, actorFromClaims } from '../domain/staff/actor.ts';
import { once } from '../runtime/once.ts';
import { HttpError } from './errors.ts';
import { readJsonBody } from './form-request.ts';
import { type HttpEvent, type HttpResult, httpHandler } from './middy.ts';
import { replayer } from './replay.ts';

/**
 * The preset of every back-office route. API Gateway's JWT authorizer has already checked the token
 * (issuer, audience, expiry, signature; the local front does the same): this turns its claims into an
 * actor and a scope. No anti-bot, rate limit or HTML negotiation: staff use the back office's own
 * script, which sends and reads JSON.
 */
export interface StaffRequest {
  actor: Actor;
  now: Date;
  /** A path parameter of the route (`{reference}`), already decoded by the gateway. */
  parameter(name: string): string;
  query: Record<string, string | undefined>;
  /** The JSON body, read strictly (UTF-8, size, media type). */
  body(): Record<string, unknown>;
}

// 401 in both cases, never 403: CloudFront answers a 403 with the site's 404 page.
const notSignedIn = () =>
  new HttpError(401, 'unauthorized', 'Connectez-vous à l’espace équipe pour continuer.', {
    'www-authenticate': 'Bearer',
  });
const noNetwork = () =>
  new HttpError(
    401,
    'no_network',
    'Votre compte n’est rattaché à aucun réseau Alizé\u00a0: demandez à la coordination nationale de vous y ajouter.',
    { 'www-authenticate': 'Bearer error="insufficient_scope"' },
  );

export interface StaffEndpointOptions {
  /**
   * For a route that creates something: with an `Idempotency-Key` header, the first answer is
   * replayed for the same key, and the same key with another body is refused (422).
   */
  replayStore?: () => BasePersistenceLayer;
}

export const staffHandler = (
  networkIds: () => readonly string[],
  handle: (request: StaffRequest) => Promise<HttpResult>,
  options: StaffEndpointOptions = {},
) => {
  const replay = once(() => (options.replayStore ? replayer(options.replayStore()) : undefined));
  return httpHandler(async (event: HttpEvent, context: Context) => {
    const claims = (event as APIGatewayProxyEventV2WithJWTAuthorizer).requestContext.authorizer?.jwt?.claims;
    // Behind the authorizer a request always has claims; without them (a route wired without it) nobody is let in.
    if (!claims?.sub) throw notSignedIn();
    const actor = actorFromClaims(claims, networkIds());
    if (!actor) throw noNetwork();
    const work = () =>
      handle({
        actor,
        now: new Date(),
        parameter: (name) => {
          const value = event.pathParameters?.[name];
          if (value === undefined) throw new Error(`Route has no {${name}} parameter`);
          return value;
        },
        query: event.queryStringParameters ?? {},
        body: () => readJsonBody(event),
      });
    const key = event.headers[idempotencyHeader]?.trim();
    const replaying = replay();
    if (!replaying || !key) return work();
    replaying.config.registerLambdaContext(context);
    const body = createHash('sha256')
      .update(event.body ?? '')
      .digest('base64url');
    try {
      // The path is part of the key: one key sent to two routes (two offers converted) is two requests.
      return await replaying.run({ key: `${actor.id}:${event.rawPath}:${key}`, body }, work);
    } catch (error) {
      if ((error as Error).name === 'IdempotencyValidationError') throw new IdempotencyKeyReusedError();
      if ((error as Error).name === 'IdempotencyAlreadyInProgressError')
        throw new SubmissionInProgressError();
      throw error;
    }
  });
};
