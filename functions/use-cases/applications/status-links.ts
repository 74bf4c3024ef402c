import { jwtVerify, SignJWT } from 'jose';
import { statusLinkDays } from '../../domain/applications/status-link.ts';

/**
 * The SME's link to its status page: a signed token naming the application, which expires.
 * Signed and checked with jose (HS256), under a key the functions share (signing-key-repository).
 */
const audience = 'alize:status-page';

export interface StatusLinks {
  sign(reference: string, now: Date): Promise<string>;
  /** The reference the token names, or undefined when it is invalid or expired. */
  verify(token: string, now: Date): Promise<string | undefined>;
}

export const statusLinks = (key: () => Promise<Uint8Array>): StatusLinks => ({
  async sign(reference, now) {
    const issuedAt = Math.floor(now.getTime() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(reference)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + statusLinkDays * 86_400)
      .sign(await key());
  },
  async verify(token, now) {
    try {
      const { payload } = await jwtVerify(token, await key(), {
        audience,
        algorithms: ['HS256'],
        currentDate: now,
      });
      return typeof payload.sub === 'string' ? payload.sub : undefined;
    } catch {
      return undefined;
    }
  },
});
