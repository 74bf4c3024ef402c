import type { JWTPayload } from 'jose';
import type { LocalIssuer } from '../../infra/local/issuer.ts';
import { loadOrCreateIssuerKeys } from '../../infra/local/issuer-keys.ts';
import { accessTokenClaims, idTokenClaims, signToken } from '../../infra/local/issuer-tokens.ts';
import { findStaffAccount, type StaffAccount } from '../../infra/local/staff-accounts.ts';

/**
 * Tokens for tests of staff routes, minted for a running local cloud's issuer (`cloud().issuer`):
 * what its sign-in would give a seeded account, and each token the JWT authorizer must refuse.
 *
 *   const tokens = staffTokens(cloud().issuer);
 *   await fetch(url, { headers: bearer(await tokens.access('claire.bernard@initiative-indre.example.org')) });
 */
export type BrokenToken =
  | 'no token'
  | 'malformed'
  | 'bad signature'
  | 'expired'
  | 'not yet valid'
  | 'other issuer'
  | 'other audience'
  | 'alg none';

export const brokenTokens: readonly BrokenToken[] = [
  'no token',
  'malformed',
  'bad signature',
  'expired',
  'not yet valid',
  'other issuer',
  'other audience',
  'alg none',
];

/** The `Authorization` header of a token; none for `undefined`. */
export const bearer = (token: string | undefined): Record<string, string> =>
  token === undefined ? {} : { authorization: `Bearer ${token}` };

const seconds = () => Math.floor(Date.now() / 1000);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

type Issuer = Pick<LocalIssuer, 'url' | 'clientId' | 'keys'>;

export const staffTokens = (issuer: Issuer) => {
  const context = () => ({ issuer: issuer.url, clientId: issuer.clientId });
  const accountOf = (email: string): StaffAccount => {
    const account = findStaffAccount(email);
    if (!account) throw new Error(`No seeded staff account ${email}`);
    return account;
  };
  const claims = (email: string, overrides: JWTPayload = {}): JWTPayload => ({
    ...accessTokenClaims(accountOf(email), context()),
    ...overrides,
  });
  const sign = (payload: JWTPayload) => signToken(issuer.keys, payload);
  const someone = 'claire.bernard@initiative-indre.example.org';

  return {
    /** The access token the issuer gives this seeded account after its sign-in. */
    access: (email: string) => sign(claims(email)),
    /** A valid access token of a staff member whose groups are these (an unknown network, none…). */
    withGroups: (groups: readonly string[]) =>
      sign({
        ...claims(someone),
        'cognito:groups': [...groups],
        sub: 'f0e1d2c3-0000-4000-8000-000000000001',
      }),
    /** The ID token of the same sign-in: valid, signed, for the app client, but with no scope. */
    id: (email: string) => sign(idTokenClaims(accountOf(email), context())),
    /** Any payload, signed with the issuer's key. */
    signed: sign,

    /** Each token the JWT authorizer refuses (`undefined`: no token at all). */
    async broken(kind: BrokenToken): Promise<string | undefined> {
      const now = seconds();
      switch (kind) {
        case 'no token':
          return undefined;
        case 'malformed':
          return 'ceci-n-est-pas-un-jeton';
        case 'bad signature': {
          // The issuer's header and claims, signed by another key under the issuer's kid.
          const forger = await loadOrCreateIssuerKeys();
          return signToken({ kid: issuer.keys.kid, privateKey: forger.privateKey }, claims(someone));
        }
        case 'expired':
          return sign(claims(someone, { iat: now - 7200, auth_time: now - 7200, exp: now - 3600 }));
        case 'not yet valid':
          return sign(claims(someone, { nbf: now + 3600 }));
        case 'other issuer':
          // Signed with the right key even: only `iss` is wrong.
          return sign(
            claims(someone, { iss: 'https://cognito-idp.eu-west-3.amazonaws.com/eu-west-3_autre' }),
          );
        case 'other audience':
          return sign(claims(someone, { client_id: 'un-autre-client' }));
        case 'alg none':
          return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims(someone))}.`;
      }
    },
  };
};

/**
 * Calls the staff API through the local front as the back office does: the seeded account's access
 * token, JSON in and out.
 */
export const staffApi = (cloud: () => { urls: { site: string }; issuer: Issuer }) => {
  return async (
    email: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> =>
    fetch(`${cloud().urls.site}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...bearer(await staffTokens(cloud().issuer).access(email)),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
};
