import { describe, expect, it } from 'vitest';
import { readSettingsFile } from '../../infra/config.ts';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { consoleProblems, givenChromium, textOf } from '../support/browser.ts';
import { poster, validApplication } from '../support/form-posts.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * The status page's form for a new link (`/suivi/` without a token), in Chromium against the local
 * cloud: an SME that lost its link asks again with its reference and address, as it would type them.
 */
const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 10_000 } } });
const chromium = givenChromium();
const post = poster(cloud);

describe('asking for a new status link on /suivi/', () => {
  it('sends the link and says so in French, with nothing axe finds to fix', async () => {
    // Given an SME of Indre that applied, and lost the mail with its link
    const smeEmail = 'gerant@suivi-e2e.example.fr';
    const application = validApplication();
    application.contact.email = smeEmail;
    const submitted = await post.json('/api/applications', application, {
      'idempotency-key': crypto.randomUUID(),
    });
    expect(submitted.status).toBe(201);
    const reference = submitted.json().reference as string;
    await mailbox(cloud().urls.mailViewer).clear();

    // When it opens the status page without a link (axe is injected, so this page bypasses the CSP)
    const page = await chromium.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const problems = consoleProblems(page);
    await page.goto(`${cloud().urls.site}/suivi/`);
    await page.getByRole('heading', { name: 'Recevoir un nouveau lien' }).waitFor();
    const before = await axeViolations(page);
    expect(before, formatViolations('/suivi/ (sans lien)', before)).toEqual([]);

    // And types its reference as it copied it, with its address, and sends the form
    await page.getByLabel('Référence de votre candidature').fill(` ${reference.toLowerCase()} `);
    await page.getByLabel('Adresse électronique').fill(smeEmail);
    await page.getByRole('button', { name: 'Recevoir un nouveau lien' }).click();

    // Then the page confirms, in French, without saying whether the application exists
    const confirmation = page.locator('#lien-envoye');
    await confirmation.waitFor();
    expect(await textOf(confirmation)).toBe(
      'Si cette référence et cette adresse correspondent à une candidature, un nouveau lien vient d’être envoyé à cette adresse. Un seul lien part par heure\u00a0: s’il n’arrive pas, regardez dans les courriels indésirables, ou utilisez le dernier reçu.',
    );
    expect(await page.locator('#demande-lien').isHidden()).toBe(true);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, hidden parts left out, is what a person reads.
    expect(typographyFaults(await page.evaluate(() => document.body.innerText))).toEqual([]);

    // And the link reached the SME's mailbox
    const links = async () =>
      (await mailbox(cloud().urls.mailViewer).all()).filter(
        (mail) => mail.destination.to.includes(smeEmail) && mail.subject.includes('lien de suivi'),
      );
    await expect.poll(async () => (await links()).length).toBe(1);

    // And axe finds nothing to fix on the page as it now stands
    const violations = await axeViolations(page);
    expect(violations, formatViolations('/suivi/ (lien envoyé)', violations)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
