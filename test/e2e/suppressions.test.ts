import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DeliveryReport } from '../../functions/use-cases/outbox/deliver-outbox.ts';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { consoleProblems, givenChromium } from '../support/browser.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { queueListMail } from '../support/mail-lists.ts';
import { networkMeter } from '../support/page-weight.ts';
import { openSignedIn } from '../support/staff-sign-in.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * The blocked addresses in the back office, as the national coordination would use them: an
 * address SES reported as complaining is listed with why and since when, lifted, and mailed again.
 */
const cloud = givenLocalCloud();
const chromium = givenChromium();
const nadia = 'nadia.roussel@astrees.example.org';
const claire = 'claire.bernard@initiative-indre.example.org';
const budget = 150 * 1024;
const complaint = JSON.parse(
  readFileSync(new URL('../fixtures/ses-complaint.json', import.meta.url), 'utf8'),
);

const shownText = (page: Page) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, hidden parts left out, is what a person reads.
  page.evaluate(() => `${document.title}\n${document.body.innerText}`);

const checkPage = async (page: Page, where: string) => {
  const violations = await axeViolations(page);
  expect(violations, formatViolations(where, violations)).toEqual([]);
  expect(typographyFaults(await shownText(page)), where).toEqual([]);
};

describe('the blocked addresses page', () => {
  it('lists a complaining address for the national coordination, which lifts it', async () => {
    // Given SES reported a complaint
    await cloud().eventBus.put(complaint);

    // When Nadia opens the page, cache off to weigh it
    const page = await chromium.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await openSignedIn(page, cloud(), nadia);
    const problems = consoleProblems(page);
    const meter = await networkMeter(page, cloud().urls.site);
    await meter.take();
    await page.goto(`${cloud().urls.site}/espace-equipe/adresses-bloquees/`);

    // Then she sees the address, the reason and the date, in the navigation's page
    const row = page.getByRole('row', { name: /complaining@pme\.example\.fr/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('courriel signalé comme indésirable');
    expect(await row.textContent()).toMatch(/le 1er décembre 2026 à 10\sh\s30/);
    expect(await page.getByRole('link', { name: 'Adresses bloquées' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await page.waitForLoadState('networkidle');
    const bytes = await meter.take();
    expect(bytes).toBeGreaterThan(10 * 1024);
    expect(bytes).toBeLessThan(budget);
    await checkPage(page, 'adresses bloquées');

    // When she lifts it
    await page.getByRole('button', { name: 'Débloquer complaining@pme.example.fr' }).click();

    // Then the page says so and the address is gone from the list
    await page.getByText('L’adresse complaining@pme.example.fr est débloquée', { exact: false }).waitFor();
    await row.waitFor({ state: 'detached' });
    await checkPage(page, 'adresse débloquée');

    // And mail reaches the address again
    await mailbox(cloud().urls.mailViewer).clear();
    await queueListMail(cloud, 'complaining@pme.example.fr', 'monthly-statistics', 'Les chiffres du mois');
    expect(((await cloud().scheduler.runNow('deliver-outbox')) as DeliveryReport).sent).toBe(1);
    expect(problems).toEqual([]);
  });

  it('tells a network’s staff that the national coordination keeps it', async () => {
    const page = await chromium.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await openSignedIn(page, cloud(), claire, '/espace-equipe/adresses-bloquees/');
    await page
      .getByText('Les adresses bloquées sont gérées par la coordination nationale', { exact: false })
      .waitFor();
    expect(await page.getByRole('row').count()).toBe(0);
    await checkPage(page, 'adresses bloquées, réseau');
  });
});
