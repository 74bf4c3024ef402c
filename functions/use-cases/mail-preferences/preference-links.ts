import { jwtVerify, SignJWT } from 'jose';
import { type MailingList, mailingListIds } from '../../../shared/mailing-lists.ts';

/**
 * The signed link of a list mail (List-Unsubscribe and the footer's preferences page): it names the
 * recipient by person key, never by address, and the list the mail belongs to. HS256 with jose,
 * under a key of its own purpose. It does not expire: an unsubscription link must still work when
 * someone finds an old mail, and all it grants is stopping one's own mail.
 */
const audience = 'alize:mail-preferences';
export const mailPreferenceLinkPurpose = 'mail-preference-links';

export interface PreferenceClaims {
  personKey: string;
  list: MailingList;
}

export interface PreferenceLinks {
  sign(claims: PreferenceClaims, now: Date): Promise<string>;
  /** The claims, or undefined when the token is forged, malformed or of another purpose. */
  verify(token: string): Promise<PreferenceClaims | undefined>;
}

const isList = (value: unknown): value is MailingList =>
  typeof value === 'string' && (mailingListIds as readonly string[]).includes(value);

export const preferenceLinks = (key: () => Promise<Uint8Array>): PreferenceLinks => ({
  async sign({ personKey, list }, now) {
    return new SignJWT({ list })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(personKey)
      .setAudience(audience)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .sign(await key());
  },
  async verify(token) {
    try {
      const { payload } = await jwtVerify(token, await key(), { audience, algorithms: ['HS256'] });
      return typeof payload.sub === 'string' && payload.sub.length > 0 && isList(payload.list)
        ? { personKey: payload.sub, list: payload.list }
        : undefined;
    } catch {
      return undefined;
    }
  },
});
