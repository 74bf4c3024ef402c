import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

/**
 * The local issuer's keys: an RS256 key pair that signs the tokens (its public half published at
 * /.well-known/jwks.json, as Cognito publishes its own), and a symmetric key that seals refresh
 * tokens (opaque to everyone but the issuer, as Cognito's are). Kept in `<data dir>/issuer/keys.json`
 * so that a token minted before a restart, or by `npm run token`, still verifies; in memory when no
 * folder is given (tests).
 */
export interface IssuerKeys {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  /** The public JWK as the JWKS lists it: `kid`, `alg`, `use`. */
  readonly publicJwk: JWK;
  /** 32 bytes, for `dir` + A256GCM. */
  readonly refreshKey: Uint8Array;
}

interface StoredKeys {
  signing: JWK;
  refresh: string;
}

const fileName = 'keys.json';

const fromStored = async (stored: StoredKeys): Promise<IssuerKeys> => {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicPart } = stored.signing;
  const kid = stored.signing.kid;
  if (!kid) throw new Error('The stored signing key has no kid');
  return {
    kid,
    privateKey: (await importJWK(stored.signing, 'RS256')) as CryptoKey,
    publicJwk: { ...publicPart, kid, alg: 'RS256', use: 'sig' },
    refreshKey: Buffer.from(stored.refresh, 'base64url'),
  };
};

const generate = async (): Promise<StoredKeys> => {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return {
    signing: { ...jwk, kid, alg: 'RS256', use: 'sig' },
    refresh: randomBytes(32).toString('base64url'),
  };
};

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';
const isTaken = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EEXIST';

/** Reads the keys kept in `dir`, creating them on first use; without `dir`, new keys in memory. */
export const loadOrCreateIssuerKeys = async (dir?: string): Promise<IssuerKeys> => {
  if (!dir) return fromStored(await generate());
  const path = join(dir, fileName);
  try {
    return await fromStored(JSON.parse(readFileSync(path, 'utf8')) as StoredKeys);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  mkdirSync(dir, { recursive: true });
  const created = await generate();
  try {
    // `wx`: if `npm start` and `npm run token` create it at the same moment, the first one wins.
    writeFileSync(path, `${JSON.stringify(created)}\n`, { flag: 'wx', mode: 0o600 });
    return await fromStored(created);
  } catch (error) {
    if (!isTaken(error)) throw error;
    return fromStored(JSON.parse(readFileSync(path, 'utf8')) as StoredKeys);
  }
};
