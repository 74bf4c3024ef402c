import { jwtVerify, SignJWT } from 'jose';

/**
 * The signed links a mission's mails carry, for people with no account: the outcome forms (the SME
 * at closing and at 12 and 24 months, the volunteer at closing), the mission's calendar, and the
 * « has the half-day taken place? » of the mail sent after each one. Signed
 * and checked with jose (HS256) under a key of their own (`mission-links`), not the status links'.
 * A token names the mission, the role of its holder and, for a form, what it asks; nothing else.
 */
export type LinkRole = 'sme' | 'volunteer';
export type OutcomeAsk = 'closing' | 'follow-up-12' | 'follow-up-24';

export interface MissionLinkClaims {
  missionId: string;
  role: LinkRole;
}

const audiences = {
  outcome: 'alize:mission-outcome',
  calendar: 'alize:mission-calendar',
  halfDay: 'alize:mission-half-day',
} as const;

/** Long enough to answer after a holiday; a follow-up comes with its own new link. */
export const outcomeLinkDays = 60;
/** « Has it taken place? » is worth asking for two weeks; after that, staff log the half-day themselves. */
export const halfDayLinkDays = 14;

export interface MissionLinks {
  signOutcome(claims: MissionLinkClaims & { ask: OutcomeAsk }, now: Date): Promise<string>;
  verifyOutcome(token: string, now: Date): Promise<(MissionLinkClaims & { ask: OutcomeAsk }) | undefined>;
  /** A calendar link lasts until `until` (the mission's end and some margin). */
  signCalendar(claims: MissionLinkClaims, until: Date, now: Date): Promise<string>;
  verifyCalendar(token: string, now: Date): Promise<MissionLinkClaims | undefined>;
  /** « Has the half-day taken place? », for one half-day of the mission. */
  signHalfDay(claims: MissionLinkClaims & { interventionId: string }, now: Date): Promise<string>;
  verifyHalfDay(
    token: string,
    now: Date,
  ): Promise<(MissionLinkClaims & { interventionId: string }) | undefined>;
}

const asks: readonly OutcomeAsk[] = ['closing', 'follow-up-12', 'follow-up-24'];
const roles: readonly LinkRole[] = ['sme', 'volunteer'];

export const missionLinks = (key: () => Promise<Uint8Array>): MissionLinks => {
  const sign = async (
    payload: Record<string, string>,
    subject: string,
    audience: string,
    expires: number,
    now: Date,
  ) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(subject)
      .setAudience(audience)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(expires)
      .sign(await key());
  const verify = async (token: string, audience: string, now: Date) => {
    try {
      const { payload } = await jwtVerify(token, await key(), {
        audience,
        algorithms: ['HS256'],
        currentDate: now,
      });
      const role = payload.role as LinkRole;
      if (typeof payload.sub !== 'string' || !roles.includes(role)) return undefined;
      return { missionId: payload.sub, role, payload };
    } catch {
      return undefined;
    }
  };
  return {
    signOutcome: ({ missionId, role, ask }, now) =>
      sign(
        { role, ask },
        missionId,
        audiences.outcome,
        Math.floor(now.getTime() / 1000) + outcomeLinkDays * 86_400,
        now,
      ),
    async verifyOutcome(token, now) {
      const found = await verify(token, audiences.outcome, now);
      const ask = found?.payload.ask as OutcomeAsk;
      if (!found || !asks.includes(ask)) return undefined;
      // Only the SME is asked the follow-ups.
      if (ask !== 'closing' && found.role !== 'sme') return undefined;
      return { missionId: found.missionId, role: found.role, ask };
    },
    signCalendar: ({ missionId, role }, until, now) =>
      sign({ role }, missionId, audiences.calendar, Math.floor(until.getTime() / 1000), now),
    async verifyCalendar(token, now) {
      const found = await verify(token, audiences.calendar, now);
      return found ? { missionId: found.missionId, role: found.role } : undefined;
    },
    signHalfDay: ({ missionId, role, interventionId }, now) =>
      sign(
        { role, intervention: interventionId },
        missionId,
        audiences.halfDay,
        Math.floor(now.getTime() / 1000) + halfDayLinkDays * 86_400,
        now,
      ),
    async verifyHalfDay(token, now) {
      const found = await verify(token, audiences.halfDay, now);
      const interventionId = found?.payload.intervention;
      if (!found || typeof interventionId !== 'string') return undefined;
      return { missionId: found.missionId, role: found.role, interventionId };
    },
  };
};
