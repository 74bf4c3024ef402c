import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { HttpAnswer } from './api-gateway.ts';

/**
 * What API Gateway's JWT authorizer (HTTP API) does before a staff route's function runs, for the
 * local front: the token from `Authorization` (with or without `Bearer `), its signature against
 * the issuer's JWKS (found through its discovery document, as API Gateway finds it), RSA algorithms
 * only, `iss`, `aud` — or `client_id` when the token has no `aud` —, `exp`, `nbf`, `iat`, then the
 * route's scopes. A refusal is API Gateway's own answer, and the function is not invoked; an
 * accepted token's claims reach the function as API Gateway hands them over.
 *
 * Sources: « Control access to HTTP APIs with JWT authorizers » and « Troubleshooting issues with
 * HTTP API JWT authorizers » (the `www-authenticate` value, `client_id` read only without `aud`),
 * in the API Gateway developer guide. The string form of claims is not documented; it is what API
 * Gateway is observed to send (see gatewayClaims).
 */
export interface JwtAuthorizerConfig {
  /** As the CDK stack's HttpJwtAuthorizer: the issuer URL, and the app client ids it accepts. */
  issuer: string;
  audience: readonly string[];
}

export type Authorization =
  | { ok: true; jwt: { claims: Record<string, string>; scopes: string[] | null } }
  | { ok: false; answer: HttpAnswer };

/**
 * A verified token's claims as the function receives them in `requestContext.authorizer.jwt.claims`:
 * every value a string — numbers and booleans as their JSON text, an array as its items inside
 * brackets separated by spaces (`["indre","national"]` → `[indre national]`), an object as JSON.
 */
export const gatewayClaims = (payload: Record<string, unknown>): Record<string, string> => {
  const text = (value: unknown): string => {
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return `[${value.map(text).join(' ')}]`;
    if (value !== null && typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
  return Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, text(value)]));
};

/** `requestContext.authorizer.jwt.scopes`: the token's `scope` (or `scp`) as a list, or null without one. */
export const gatewayScopes = (payload: Record<string, unknown>): string[] | null => {
  for (const name of ['scope', 'scp']) {
    const value = payload[name];
    if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
    if (Array.isArray(value)) return value.map(String);
  }
  return null;
};

const json = (statusCode: number, message: string, headers: Record<string, string> = {}): HttpAnswer => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: Buffer.from(JSON.stringify({ message })),
});

/**
 * `www-authenticate` as API Gateway writes it: `Bearer` alone when no token came, otherwise the
 * route's scopes and `invalid_token`; the only description AWS documents is the audience one, so no
 * other is made up.
 */
const unauthorized = (routeScopes: readonly string[], description?: string) =>
  json(401, 'Unauthorized', {
    'www-authenticate': `Bearer scope="${routeScopes.join(' ')}" error="invalid_token"${description ? ` error_description="${description}"` : ''}`,
  });

const noToken = () => json(401, 'Unauthorized', { 'www-authenticate': 'Bearer' });
const forbidden = () => json(403, 'Forbidden');

class AudienceError extends Error {}

const stringList = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((v) => typeof v === 'string')
      : [];

export const jwtAuthorizer = (config: JwtAuthorizerConfig) => {
  let verifier: Promise<ReturnType<typeof createVerifier>> | undefined;

  const createVerifier = (jwksUri: string) =>
    JwtVerifier.create(
      {
        issuer: config.issuer,
        // Checked below: API Gateway reads `client_id` when a token has no `aud`, which aws-jwt-verify does not.
        audience: null,
        jwksUri,
        customJwtCheck: ({ header, payload }: { header: { alg?: string }; payload: JwtPayload }) => {
          // « Currently, only RSA-based algorithms are supported. »
          if (!/^RS(256|384|512)$/.test(header.alg ?? '')) throw new Error('not an RSA signature');
          const now = Date.now() / 1000;
          if (typeof payload.exp !== 'number') throw new Error('no exp');
          if (typeof payload.iat === 'number' && payload.iat > now) throw new Error('issued in the future');
          const audiences = 'aud' in payload ? stringList(payload.aud) : stringList(payload.client_id);
          if (!audiences.some((audience) => config.audience.includes(audience))) throw new AudienceError();
        },
      },
      {
        jwksCache: new SimpleJwksCache({
          // aws-jwt-verify fetches over HTTPS only; the local issuer answers on plain loopback HTTP.
          fetcher: {
            fetch: async (uri: string) => {
              const response = await fetch(uri);
              if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
              return response.arrayBuffer();
            },
          },
        }),
      },
    );

  // Found once, as API Gateway reads the issuer's discovery document and caches its keys.
  const load = () => {
    verifier ??= (async () => {
      const response = await fetch(`${config.issuer}/.well-known/openid-configuration`);
      const discovery = (await response.json()) as { issuer?: string; jwks_uri?: string };
      if (discovery.issuer !== config.issuer || !discovery.jwks_uri) {
        throw new Error('The issuer’s discovery document does not match its URL');
      }
      return createVerifier(discovery.jwks_uri);
    })();
    verifier.catch(() => {
      verifier = undefined;
    });
    return verifier;
  };

  return {
    /** The request's `Authorization` header (undefined when absent) against a route's required scopes. */
    async authorize(header: string | undefined, routeScopes: readonly string[]): Promise<Authorization> {
      const token = header
        ?.trim()
        .replace(/^bearer\s+/i, '')
        .trim();
      if (!token) return { ok: false, answer: noToken() };
      // An issuer that cannot be read is the gateway's fault, not the caller's.
      const loaded = await load().catch(() => undefined);
      if (!loaded) return { ok: false, answer: json(500, 'Internal Server Error') };
      let payload: JwtPayload;
      try {
        payload = await loaded.verify(token);
      } catch (error) {
        const audience = error instanceof AudienceError;
        return {
          ok: false,
          answer: unauthorized(
            routeScopes,
            audience ? 'the token does not have a valid audience' : undefined,
          ),
        };
      }
      const scopes = gatewayScopes(payload);
      // A valid token that claims none of the route's scopes is let in no further: 403, not 401.
      if (routeScopes.length > 0 && !routeScopes.some((scope) => scopes?.includes(scope))) {
        return { ok: false, answer: forbidden() };
      }
      return { ok: true, jwt: { claims: gatewayClaims(payload), scopes } };
    },
  };
};
