import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MailEventReport } from '../../functions/use-cases/mail-events/record-mail-event.ts';
import type { DeliveryReport } from '../../functions/use-cases/outbox/deliver-outbox.ts';
import type { SuppressionView } from '../../shared/staff-api.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { queueListMail, storedOutbox, storedRecipients } from '../support/mail-lists.ts';
import { bearer, staffTokens } from '../support/staff-tokens.ts';

/** SES's own events, as EventBridge delivers them from the configuration set (recorded). */
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8')) as unknown;

const cloud = givenLocalCloud();
const deliver = async () => (await cloud().scheduler.runNow('deliver-outbox')) as DeliveryReport;
const received = () => mailbox(cloud().urls.mailViewer).all();
const putEvent = async (name: string) => (await cloud().eventBus.put(fixture(name))) as MailEventReport[];

describe('SES bounces and complaints', () => {
  beforeEach(async () => {
    await mailbox(cloud().urls.mailViewer).clear();
  });

  it('a permanent bounce suppresses the address: nothing is sent to it afterwards, list or not', async () => {
    // Given the address receives mail
    await queueListMail(cloud, 'bounced@pme-disparue.example.fr', undefined, 'Avant le rejet');
    expect((await deliver()).sent).toBe(1);

    // When SES reports a permanent bounce for it (its case as the receiving server wrote it), twice
    expect(await putEvent('ses-bounce-permanent')).toEqual([
      { reason: 'bounce', suppressed: 1, alreadySuppressed: 0 },
    ]);
    expect(await putEvent('ses-bounce-permanent')).toEqual([
      { reason: 'bounce', suppressed: 0, alreadySuppressed: 1 },
    ]);

    // Then a notice and a digest to it are skipped, the outbox saying why, and nothing reaches SES
    await mailbox(cloud().urls.mailViewer).clear();
    const notice = await queueListMail(
      cloud,
      'bounced@pme-disparue.example.fr',
      undefined,
      'Votre candidature',
    );
    const digest = await queueListMail(cloud, 'Bounced@PME-disparue.example.fr', 'staff-digest');
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0, skipped: 2 });
    expect(await received()).toEqual([]);
    for (const { id } of [notice, digest]) {
      expect(await storedOutbox(cloud).get(id, new Date())).toMatchObject({
        status: 'skipped',
        skipReason: 'suppressed',
      });
    }

    // And the suppression is listed with its reason, its date and the address, by person key
    const [listed] = (await storedRecipients(cloud).listSuppressed()).filter(
      (recipient) => recipient.suppression?.address === 'bounced@pme-disparue.example.fr',
    );
    expect(listed?.suppression).toEqual({
      address: 'bounced@pme-disparue.example.fr',
      reason: 'bounce',
      detail: 'General',
      at: '2026-12-01T08:12:44.812Z',
    });
    expect(listed?.recipientKey).not.toContain('@');
  });

  it('a complaint suppresses the address too', async () => {
    expect(await putEvent('ses-complaint')).toEqual([
      { reason: 'complaint', suppressed: 1, alreadySuppressed: 0 },
    ]);
    await queueListMail(cloud, 'complaining@pme.example.fr', 'monthly-statistics');
    expect(await deliver()).toEqual({ sent: 0, retried: 0, failed: 0, skipped: 1 });
  });

  it('a transient bounce (mailbox full) suppresses nothing: it reaches no rule', async () => {
    expect(await putEvent('ses-bounce-transient')).toEqual([]);
    await queueListMail(cloud, 'full@pme.example.fr', 'staff-digest');
    expect((await deliver()).sent).toBe(1);
  });

  it('a mail to several people still reaches those who are not suppressed', async () => {
    // Given a staff notification's shape: one mail, several recipients, one of them suppressed
    await putEvent('ses-complaint');
    await queueListMail(
      cloud,
      ['complaining@pme.example.fr', 'equipe@initiative-indre.example.org'],
      undefined,
      'Nouvelle candidature',
    );

    expect((await deliver()).sent).toBe(1);
    expect((await received()).map((mail) => mail.destination.to)).toEqual([
      ['equipe@initiative-indre.example.org'],
    ]);
  });

  it('staff of the national coordination see the suppressed address and lift it; mail then goes again', async () => {
    // Given an address suppressed after a permanent bounce
    await putEvent('ses-bounce-permanent');
    const nadia = await staffTokens(cloud().issuer).access('nadia.roussel@astrees.example.org');
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${cloud().urls.site}${path}`, {
        ...init,
        headers: { ...bearer(nadia), accept: 'application/json', 'content-type': 'application/json' },
      });

    // When the national coordination lists the suppressions
    const listed = (await (await api('/api/staff/suppressions')).json()) as {
      suppressions: SuppressionView[];
    };
    const bounced = listed.suppressions.find((entry) => entry.address === 'bounced@pme-disparue.example.fr');

    // Then it sees the address, why and since when
    expect(bounced).toMatchObject({
      reason: 'bounce',
      reasonLabel: 'adresse inexistante ou refusée (rejet définitif)',
      at: '2026-12-01T08:12:44.812Z',
      version: 1,
    });

    // When it lifts it on a stale version, then on the one it read
    const lift = (version: number) =>
      api(`/api/staff/suppressions/${bounced?.key}/lift`, {
        method: 'POST',
        body: JSON.stringify({ version }),
      });
    const stale = await lift(7);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { message: string }).message).toContain('rechargez la page');
    expect((await lift(1)).status).toBe(200);
    // A second lift finds nothing to lift
    expect((await lift(2)).status).toBe(404);

    // Then it is off the list, and the next mail to the address is sent
    const after = (await (await api('/api/staff/suppressions')).json()) as {
      suppressions: SuppressionView[];
    };
    expect(after.suppressions.map((entry) => entry.address)).not.toContain('bounced@pme-disparue.example.fr');
    await queueListMail(cloud, 'bounced@pme-disparue.example.fr', 'staff-digest', 'De nouveau');
    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect((await received()).map((mail) => mail.subject)).toEqual(['De nouveau']);

    // And a later permanent bounce suppresses it again
    expect(await putEvent('ses-bounce-permanent')).toEqual([
      { reason: 'bounce', suppressed: 1, alreadySuppressed: 0 },
    ]);
  });
});
