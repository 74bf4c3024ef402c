import { beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryReport } from '../../functions/use-cases/outbox/deliver-outbox.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import {
  headerOf,
  oneClick,
  oneClickUrlOf,
  queueListMail,
  storedOutbox,
  tokenOf,
} from '../support/mail-lists.ts';

const cloud = givenLocalCloud();
const deliver = async () => (await cloud().scheduler.runNow('deliver-outbox')) as DeliveryReport;
const received = () => mailbox(cloud().urls.mailViewer).all();

let person = 0;
const newAddress = () => `equipe-${Date.now()}-${person++}@initiative-indre.example.org`;

describe('a mail of a list (digest, reminder)', () => {
  beforeEach(async () => {
    await mailbox(cloud().urls.mailViewer).clear();
  });

  it('arrives with its one-click List-Unsubscribe headers and a visible way out', async () => {
    const to = newAddress();
    await queueListMail(cloud, to, 'staff-digest');

    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });

    const [mail] = await received();
    expect(headerOf(mail, 'List-Unsubscribe')).toMatch(
      /^<http:\/\/[^>]+\/api\/mail-preferences\/unsubscribe\?t=[\w.-]+>$/,
    );
    expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // The token names nobody in clear
    expect(tokenOf(mail)).not.toContain('initiative-indre');
    expect(Buffer.from(tokenOf(mail).split('.')[1] ?? '', 'base64url').toString()).not.toContain('@');
    // The footer opens the preferences page with the same token, in HTML and in text
    const preferences = `/preferences/?t=${tokenOf(mail)}`;
    expect(mail?.body.html).toContain('Se désabonner ou gérer vos préférences');
    expect(mail?.body.html).toContain(preferences);
    expect(mail?.body.text).toContain(`Se désabonner ou gérer vos préférences\u00a0: `);
    expect(mail?.body.text).toContain(preferences);
  });

  it('leaves a mail that is on no list as it was', async () => {
    await queueListMail(cloud, newAddress(), undefined);
    await deliver();
    const [mail] = await received();
    expect(headerOf(mail, 'List-Unsubscribe')).toBeUndefined();
    expect(mail?.body.text).not.toContain('désabonner');
  });

  it('stops that list for that person after a one-click POST, and only that list', async () => {
    // Given a digest received
    const to = newAddress();
    await queueListMail(cloud, to, 'staff-digest');
    await deliver();
    const url = oneClickUrlOf((await received())[0], cloud().urls.site);

    // When the mail client posts the one-click unsubscription, twice (no cookie, form-encoded)
    const first = await oneClick(url);
    const second = await oneClick(url);

    // Then both are answered alike
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ unsubscribed: 'staff-digest' });
    expect(second.status).toBe(200);

    // And the next digest is not sent, the outbox saying why; the monthly figures and an
    // acknowledgement still reach the same person
    await mailbox(cloud().urls.mailViewer).clear();
    const digest = await queueListMail(cloud, to, 'staff-digest');
    const figures = await queueListMail(cloud, to, 'monthly-statistics', 'Les chiffres du mois');
    const notice = await queueListMail(cloud, to, undefined, 'Votre candidature');
    expect(await deliver()).toEqual({ sent: 2, retried: 0, failed: 0, skipped: 1 });
    expect((await received()).map((mail) => mail.subject).sort()).toEqual([figures.subject, notice.subject]);
    expect(await storedOutbox(cloud).get(digest.id, new Date())).toMatchObject({
      status: 'skipped',
      skipReason: 'unsubscribed',
    });
  });

  it('refuses a forged or truncated link, and a post that is not a one-click unsubscription', async () => {
    const to = newAddress();
    await queueListMail(cloud, to, 'intervention-reminders');
    await deliver();
    const url = oneClickUrlOf((await received())[0], cloud().urls.site);

    const forged = await oneClick(url.replace(/.{4}$/, 'AAAA'));
    expect(forged.status).toBe(404);
    expect(((await forged.json()) as { message: string }).message).toContain(
      'lien de désabonnement n’est pas valable',
    );
    expect((await oneClick(url.replace(/\?t=.*$/, ''))).status).toBe(404);
    const notOneClick = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'autre=chose',
    });
    expect(notOneClick.status).toBe(400);

    // Nothing was stopped by these
    await mailbox(cloud().urls.mailViewer).clear();
    await queueListMail(cloud, to, 'intervention-reminders');
    expect((await deliver()).sent).toBe(1);
  });

  it('shows the lists a person gets on the preferences page and saves their choices', async () => {
    // Given a person who received the digest and the monthly figures
    const to = newAddress();
    await queueListMail(cloud, to, 'staff-digest');
    await queueListMail(cloud, to, 'monthly-statistics');
    await deliver();
    const token = tokenOf((await received())[0]);
    const api = `${cloud().urls.site}/api/mail-preferences?t=${encodeURIComponent(token)}`;

    // When the page reads them
    const read = await fetch(api);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({
      lists: [
        { id: 'staff-digest', label: expect.stringContaining('point quotidien'), subscribed: true },
        { id: 'monthly-statistics', label: 'Les chiffres du mois du réseau', subscribed: true },
      ],
      staffDigestCadence: 'daily',
    });

    // When the person keeps only the monthly figures, and a weekly digest if it comes back
    const saved = await fetch(api, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subscribed: ['monthly-statistics'], staffDigestCadence: 'weekly' }),
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({
      lists: [
        { id: 'staff-digest', subscribed: false },
        { id: 'monthly-statistics', subscribed: true },
      ],
      staffDigestCadence: 'weekly',
    });

    // Then the digest stops and the figures still come
    await mailbox(cloud().urls.mailViewer).clear();
    await queueListMail(cloud, to, 'staff-digest');
    const figures = await queueListMail(cloud, to, 'monthly-statistics', 'Chiffres');
    expect((await deliver()).skipped).toBe(1);
    expect((await received()).map((mail) => mail.subject)).toEqual([figures.subject]);

    // And subscribing again brings it back
    await fetch(api, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        subscribed: ['staff-digest', 'monthly-statistics'],
        staffDigestCadence: 'weekly',
      }),
    });
    await queueListMail(cloud, to, 'staff-digest');
    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });

    // A bad choice is refused in French, nothing saved
    const bad = await fetch(api, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subscribed: ['spam'], staffDigestCadence: 'hourly' }),
    });
    expect(bad.status).toBe(400);
    expect(((await (await fetch(api)).json()) as { staffDigestCadence: string }).staffDigestCadence).toBe(
      'weekly',
    );
  });
});
