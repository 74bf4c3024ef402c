import { createHash, randomUUID } from 'node:crypto';
import { EncryptJWT, type JWTPayload, jwtDecrypt, SignJWT } from 'jose';
import { staffScopes, staffTokenLifetimes } from '../../shared/staff.ts';
import type { IssuerKeys } from './issuer-keys.ts';
import type { StaffAccount } from './staff-accounts.ts';

/**
 * The tokens of the local issuer, claim for claim as Cognito's user pools write them, so that what
 * the functions and the back office read locally is what they read in AWS.
 */

/** The local app client, as the CDK stack's back-office client: public, no secret. */
export const localClientId = 'alize-local-back-office';

/** The issuer identifier (and base of every endpoint) of a local issuer on this port. */
export const localIssuerUrl = (port: number) => `http://localhost:${port}`;

/** As the app client's in AWS (infra/constructs/back-office-client.ts). */
export const tokenLifetimes = staffTokenLifetimes;

export interface TokenContext {
  issuer: string;
  clientId: string;
  /** Seconds since the epoch; `now` by default. */
  issuedAt?: number;
  /** When the person typed their code (Cognito keeps it across refreshes). */
  authTime?: number;
  scope?: string;
  /** One sign-in, shared by its access and ID tokens (Cognito's `origin_jti` and `event_id`). */
  originJti?: string;
  eventId?: string;
}

const seconds = () => Math.floor(Date.now() / 1000);

const groupsClaim = (account: StaffAccount) =>
  account.groups.length > 0 ? { 'cognito:groups': [...account.groups] } : {};

/** A Cognito access token's payload: `client_id`, no `aud`, `username`, `scope`, `token_use: 'access'`. */
export const accessTokenClaims = (account: StaffAccount, context: TokenContext): JWTPayload => {
  const iat = context.issuedAt ?? seconds();
  return {
    sub: account.sub,
    ...groupsClaim(account),
    iss: context.issuer,
    version: 2,
    client_id: context.clientId,
    origin_jti: context.originJti ?? randomUUID(),
    event_id: context.eventId ?? randomUUID(),
    token_use: 'access',
    scope: context.scope ?? staffScopes.join(' '),
    auth_time: context.authTime ?? iat,
    iat,
    exp: iat + tokenLifetimes.accessSeconds,
    jti: randomUUID(),
    username: account.email,
  };
};

/** A Cognito ID token's payload: `aud` is the app client, `cognito:username`, `email`, and the `nonce` sent. */
export const idTokenClaims = (
  account: StaffAccount,
  context: TokenContext & { nonce?: string; accessToken?: string },
): JWTPayload => {
  const iat = context.issuedAt ?? seconds();
  return {
    ...(context.accessToken ? { at_hash: tokenHash(context.accessToken) } : {}),
    sub: account.sub,
    ...groupsClaim(account),
    email_verified: true,
    iss: context.issuer,
    'cognito:username': account.email,
    ...(context.nonce ? { nonce: context.nonce } : {}),
    origin_jti: context.originJti ?? randomUUID(),
    aud: context.clientId,
    event_id: context.eventId ?? randomUUID(),
    token_use: 'id',
    auth_time: context.authTime ?? iat,
    iat,
    exp: iat + tokenLifetimes.idSeconds,
    jti: randomUUID(),
    email: account.email,
  };
};

/** OpenID Connect's `at_hash`: the left half of the access token's SHA-256, base64url. */
const tokenHash = (token: string) =>
  createHash('sha256').update(token).digest().subarray(0, 16).toString('base64url');

/** Signs a payload with the issuer's key, header `{ alg: 'RS256', kid }` as Cognito's. */
export const signToken = (
  keys: Pick<IssuerKeys, 'kid' | 'privateKey'>,
  payload: JWTPayload,
): Promise<string> =>
  new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: keys.kid }).sign(keys.privateKey);

export interface RefreshClaims {
  sub: string;
  clientId: string;
  scope: string;
  authTime: number;
}

/** An opaque refresh token (a JWE only the issuer can open), as Cognito's are. */
export const sealRefreshToken = (keys: IssuerKeys, claims: RefreshClaims, issuer: string): Promise<string> =>
  new EncryptJWT({ client_id: claims.clientId, scope: claims.scope, auth_time: claims.authTime })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setSubject(claims.sub)
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime(`${tokenLifetimes.refreshSeconds}s`)
    .setJti(randomUUID())
    .encrypt(keys.refreshKey);

/** The claims of a refresh token this issuer sealed and that has not expired, or undefined. */
export const openRefreshToken = async (
  keys: IssuerKeys,
  token: string,
  issuer: string,
): Promise<RefreshClaims | undefined> => {
  try {
    const { payload } = await jwtDecrypt(token, keys.refreshKey, { issuer });
    if (typeof payload.sub !== 'string' || typeof payload.client_id !== 'string') return undefined;
    return {
      sub: payload.sub,
      clientId: payload.client_id,
      scope: typeof payload.scope === 'string' ? payload.scope : '',
      authTime: typeof payload.auth_time === 'number' ? payload.auth_time : seconds(),
    };
  } catch {
    return undefined;
  }
};
