import { beforeEach, describe, expect, it } from 'vitest';
import { readSettingsFile } from '../../infra/config.ts';
import { poster, validApplication } from '../support/form-posts.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';

/**
 * Asking for a new status link over HTTP, as the status page does (`POST /api/status/links`): the
 * right reference and address get a mail with a working link, anything else gets the very same
 * answer and no mail, so the form tells a stranger nothing about who applied.
 */
// Several posts from one address: the hourly limit is not what is tested here.
const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 10_000 } } });
const post = poster(cloud);
const mail = () => mailbox(cloud().urls.mailViewer);

const smeEmail = 'gerante@lien-de-suivi.example.fr';

/** What the person asking sees: the status, the body, and its type. */
const askForLink = async (reference: string, email: string) => {
  const answer = await post.json('/api/status/links', { reference, email });
  return { status: answer.status, type: answer.headers.get('content-type'), body: answer.text };
};

describe('POST /api/status/links', () => {
  let reference: string;

  beforeEach(async () => {
    // Given an SME of Indre that applied through the site, whose acknowledgement is already read
    const application = validApplication();
    application.contact.email = smeEmail;
    const submitted = await post.json('/api/applications', application, {
      'idempotency-key': crypto.randomUUID(),
    });
    expect(submitted.status).toBe(201);
    reference = submitted.json().reference as string;
    await mail().clear();
  });

  it('mails a working /suivi/ link to the application’s own address, and only to it', async () => {
    // When the SME asks with its reference, typed in lower case, and its address
    const answer = await askForLink(reference.toLowerCase(), smeEmail);

    // Then the answer says a link may have been sent, in French
    expect(answer.status).toBe(202);
    expect(JSON.parse(answer.body)).toEqual({
      message:
        'Si cette référence et cette adresse correspondent à une candidature, un nouveau lien vient d’être envoyé à cette adresse. Un seul lien part par heure\u00a0: s’il n’arrive pas, regardez dans les courriels indésirables, ou utilisez le dernier reçu.',
    });

    // And one mail reached the SME, from its network, with the link in both parts
    await expect.poll(async () => (await mail().all()).length).toBe(1);
    const [sent] = await mail().all();
    expect(sent?.destination.to).toEqual([smeEmail]);
    expect(sent?.from).toMatch(/<indre@alize\.example\.org>$/);
    expect(sent?.subject).toBe(`Votre lien de suivi Alizé pour la demande ${reference}`);
    const link = new RegExp(`${cloud().urls.site}/suivi/\\?t=([A-Za-z0-9_.-]+)`).exec(sent?.body.text ?? '');
    expect(link).not.toBeNull();
    expect(sent?.body.html).toContain(`href="${link?.[0]}"`);

    // And the link opens this application's status page
    const status = await fetch(`${cloud().urls.api}/status?t=${link?.[1]}`, {
      headers: { accept: 'application/json' },
    });
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ reference, status: 'received' });
  });

  it('answers a wrong address or an unknown reference exactly as a right one, and sends nothing', async () => {
    // When someone asks with another address, or with a reference nobody was given (asked first:
    // a mail wrongly sent now would not be hidden behind the hourly one of the right request)
    const otherYear = reference.replace(/-(\d{4})-/, (_, year: string) => `-${Number(year) + 50}-`);
    const wrongEmail = await askForLink(reference, 'curieux@ailleurs.example.fr');
    const unknownReference = await askForLink(otherYear, smeEmail);
    const neither = await askForLink('ALZ-36-2001-0001', 'curieux@ailleurs.example.fr');

    // Then no mail left, to anyone
    expect(await mail().all()).toEqual([]);

    // And each got the same status and the same body as the SME itself then gets, with its mail
    const right = await askForLink(reference, smeEmail);
    expect(right.status).toBe(202);
    expect(wrongEmail).toEqual(right);
    expect(unknownReference).toEqual(right);
    expect(neither).toEqual(right);
    await expect
      .poll(async () => (await mail().all()).map((sent) => sent.destination.to))
      .toEqual([[smeEmail]]);
  });
});
