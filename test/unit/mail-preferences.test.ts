import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { listUnsubscribeHeaders, unsubscribeLinks } from '../../functions/domain/outbox/list-unsubscribe.ts';
import { deliveryDecision, type RecipientStanding } from '../../functions/domain/outbox/recipient-policy.ts';
import { withPreferencesFooter } from '../../functions/email/templates/preferences-footer.ts';
import { staffDigestDueOn } from '../../functions/use-cases/mail-preferences/cadence.ts';
import { preferenceLinks } from '../../functions/use-cases/mail-preferences/preference-links.ts';
import { isOneClickBody } from '../../functions/use-cases/mail-preferences/preferences.ts';

const key = new Uint8Array(32).fill(7);
const links = preferenceLinks(async () => key);
const now = new Date('2027-03-02T07:30:00Z');

describe('the List-Unsubscribe headers', () => {
  it('name the one-click address and say it takes a one-click POST (RFC 2369, RFC 8058)', () => {
    const { oneClick, preferences } = unsubscribeLinks('https://alize.example.org/', 'abc.def.ghi');
    expect(oneClick).toBe('https://alize.example.org/api/mail-preferences/unsubscribe?t=abc.def.ghi');
    expect(preferences).toBe('https://alize.example.org/preferences/?t=abc.def.ghi');
    expect(listUnsubscribeHeaders(oneClick)).toEqual([
      { name: 'List-Unsubscribe', value: `<${oneClick}>` },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ]);
  });

  it('refuse an address that could break the header', () => {
    expect(() => listUnsubscribeHeaders('https://a.example.org/x>\r\nBcc: x@y.fr')).toThrow();
    expect(() => listUnsubscribeHeaders('mailto:x@y.fr')).toThrow();
  });

  it('come with a visible line at the foot of the mail, in HTML before </body> and in text', () => {
    const mail = withPreferencesFooter(
      { subject: 's', html: '<html><body><p>Bonjour</p></body></html>', text: 'Bonjour' },
      unsubscribeLinks('https://alize.example.org', 'a&b'),
    );
    expect(mail.html).toMatch(
      /<p>Bonjour<\/p><p[^>]*>.*<a href="https:\/\/alize\.example\.org\/preferences\/\?t=a%26b"[^>]*>Se désabonner ou gérer vos préférences<\/a><\/p>\n<\/body><\/html>$/,
    );
    expect(mail.text).toBe(
      'Bonjour\n\nSe désabonner ou gérer vos préférences\u00a0: https://alize.example.org/preferences/?t=a%26b',
    );
  });
});

describe('the preference link', () => {
  it('names a person key and a list, and is read back', async () => {
    const token = await links.sign({ personKey: 'pk-1', list: 'staff-digest' }, now);
    expect(await links.verify(token)).toEqual({ personKey: 'pk-1', list: 'staff-digest' });
  });

  it('is refused when forged, of another purpose, under another key, or naming no known list', async () => {
    const token = await links.sign({ personKey: 'pk-1', list: 'staff-digest' }, now);
    expect(await links.verify(`${token.slice(0, -2)}xx`)).toBeUndefined();
    expect(await preferenceLinks(async () => new Uint8Array(32).fill(8)).verify(token)).toBeUndefined();
    const statusLink = await new SignJWT({ list: 'staff-digest' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('pk-1')
      .setAudience('alize:status-page')
      .sign(key);
    expect(await links.verify(statusLink)).toBeUndefined();
    const unknownList = await new SignJWT({ list: 'newsletter' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('pk-1')
      .setAudience('alize:mail-preferences')
      .sign(key);
    expect(await links.verify(unknownList)).toBeUndefined();
    expect(await links.verify('')).toBeUndefined();
  });

  it('takes exactly the one-click form field as a one-click body', () => {
    expect(isOneClickBody('List-Unsubscribe=One-Click')).toBe(true);
    expect(isOneClickBody('List-Unsubscribe=Autre')).toBe(false);
    expect(isOneClickBody('')).toBe(false);
  });
});

describe('who gets a mail at send time', () => {
  const standings: Record<string, RecipientStanding> = {
    'bounced@pme.example.fr': { suppressed: true, optedOut: [], receives: [] },
    'stopped@pme.example.fr': { suppressed: false, optedOut: ['staff-digest'], receives: ['staff-digest'] },
  };
  const standingOf = (address: string) =>
    standings[address] ?? { suppressed: false, optedOut: [], receives: [] };

  it.each([
    [['ok@pme.example.fr'], undefined, { kind: 'send', to: ['ok@pme.example.fr'] }],
    [['bounced@pme.example.fr'], undefined, { kind: 'skip', reason: 'suppressed' }],
    [['bounced@pme.example.fr'], 'staff-digest', { kind: 'skip', reason: 'suppressed' }],
    [['stopped@pme.example.fr'], 'staff-digest', { kind: 'skip', reason: 'unsubscribed' }],
    [['stopped@pme.example.fr'], 'monthly-statistics', { kind: 'send', to: ['stopped@pme.example.fr'] }],
    [['stopped@pme.example.fr'], undefined, { kind: 'send', to: ['stopped@pme.example.fr'] }],
    [['bounced@pme.example.fr', 'ok@pme.example.fr'], undefined, { kind: 'send', to: ['ok@pme.example.fr'] }],
  ] as const)('%j on list %s → %j', (to, list, decision) => {
    expect(deliveryDecision({ to, ...(list ? { list: { kind: list } } : {}) }, standingOf)).toEqual(decision);
  });

  it('sends a weekly staff digest on Mondays only', () => {
    expect([1, 2, 3, 4, 5].map((day) => staffDigestDueOn('weekly', day))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
    expect([1, 2, 3, 4, 5].every((day) => staffDigestDueOn('daily', day))).toBe(true);
  });
});
