import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DeliveryReport } from '../../functions/use-cases/outbox/deliver-outbox.ts';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { consoleProblems, givenChromium } from '../support/browser.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { queueListMail } from '../support/mail-lists.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * The preferences page tried as a person would: from the footer of a digest, on a phone, the digest
 * stopped and a weekly cadence chosen, and the next digest not sent.
 */
const cloud = givenLocalCloud();
const chromium = givenChromium();
const deliver = async () => (await cloud().scheduler.runNow('deliver-outbox')) as DeliveryReport;

const shownText = (page: Page) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, hidden parts left out, is what a person reads.
  page.evaluate(() => `${document.title}\n${document.body.innerText}`);

const checkPage = async (page: Page, where: string) => {
  const violations = await axeViolations(page);
  expect(violations, formatViolations(where, violations)).toEqual([]);
  expect(typographyFaults(await shownText(page)), where).toEqual([]);
};

describe('the mail preferences page', () => {
  it('opens from a digest’s footer on a phone and stops the digest', async () => {
    // Given a staff member who received the digest and the monthly figures
    await mailbox(cloud().urls.mailViewer).clear();
    const to = `preferences-${Date.now()}@initiative-indre.example.org`;
    await queueListMail(cloud, to, 'staff-digest');
    await queueListMail(cloud, to, 'monthly-statistics');
    await deliver();
    const [digest] = await mailbox(cloud().urls.mailViewer).all();
    const link = /https?:\/\/\S+\/preferences\/\?t=[^\s"<]+/.exec(digest?.body.text ?? '')?.[0] ?? '';
    expect(link).not.toBe('');

    // When they open the footer's link on a phone
    const page = await chromium.newPage({ bypassCSP: true });
    const problems = consoleProblems(page);
    await page.goto(new URL(new URL(link).pathname + new URL(link).search, cloud().urls.site).toString());
    const digestBox = page.getByLabel(/Le point quotidien de l’équipe/);
    await digestBox.waitFor();

    // Then they see both lists ticked and the digest's cadence
    expect(await digestBox.isChecked()).toBe(true);
    expect(await page.getByLabel('Les chiffres du mois du réseau').isChecked()).toBe(true);
    expect(await page.getByLabel('Chaque jour ouvré').isChecked()).toBe(true);
    await checkPage(page, 'préférences');

    // When they stop the digest and, should it come back, want it weekly
    await digestBox.uncheck();
    await page.getByLabel('Une fois par semaine, le lundi').check();
    await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();

    // Then the page says so, and a reload shows the choice kept
    await page.getByText('C’est enregistré\u00a0: un envoi est arrêté.', { exact: false }).waitFor();
    await checkPage(page, 'préférences enregistrées');
    await page.reload();
    await digestBox.waitFor();
    expect(await digestBox.isChecked()).toBe(false);
    expect(await page.getByLabel('Une fois par semaine, le lundi').isChecked()).toBe(true);

    // And the next digest is not sent, the monthly figures still are
    await mailbox(cloud().urls.mailViewer).clear();
    await queueListMail(cloud, to, 'staff-digest');
    const figures = await queueListMail(cloud, to, 'monthly-statistics', 'Les chiffres de février');
    expect(await deliver()).toEqual({ sent: 1, retried: 0, failed: 0, skipped: 1 });
    expect((await mailbox(cloud().urls.mailViewer).all()).map((mail) => mail.subject)).toEqual([
      figures.subject,
    ]);
    expect(problems).toEqual([]);
  });

  it('says in French when the link is broken', async () => {
    const page = await chromium.newPage({ bypassCSP: true });
    await page.goto(`${cloud().urls.site}/preferences/?t=abc`);
    await page.getByText('Ce lien de désabonnement n’est pas valable').waitFor();
    await checkPage(page, 'lien invalide');
  });
});
