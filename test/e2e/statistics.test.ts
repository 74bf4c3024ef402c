import { describe, expect, it } from 'vitest';
import { lastMonth, sendMonthlyStatistics } from '../../functions/use-cases/digests/monthly-statistics.ts';
import { monthlyStatisticsDependencies } from '../../functions/wiring/statistics.ts';
import type { StatisticsView } from '../../shared/statistics.ts';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { consoleProblems, givenChromium } from '../support/browser.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { networkMeter } from '../support/page-weight.ts';
import { openSignedIn } from '../support/staff-sign-in.ts';
import { bearer, staffTokens } from '../support/staff-tokens.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * The page *Statistiques* as Claire (Indre) opens it, on last month of the demo data: the same
 * figures as the API answers and as the monthly mail prints, row by row; axe finds nothing, and the
 * page weighs under the back office's budget.
 */
const cloud = givenLocalCloud();
const chromium = givenChromium();
const claire = 'claire.bernard@initiative-indre.example.org';
const budget = 150 * 1024;

const decode = (html: string) =>
  html
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');

/** Each row of the mail's table: its key and the three cells, as printed. */
const mailRows = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<tr data-figure="([^"]+)">(.*?)<\/tr>/g)].map((match) => [
      match[1],
      [...(match[2] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => decode(cell[1] ?? '')),
    ]),
  );

describe('the statistics page', () => {
  it('shows what the API answers and what the monthly mail says, for the same month', async () => {
    const month = lastMonth(new Date());
    const page = await chromium.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await openSignedIn(page, cloud(), claire, '/espace-equipe/');
    // From the back office on: the issuer's sign-in pages are tested elsewhere.
    const problems = consoleProblems(page);
    const meter = await networkMeter(page, cloud().urls.site);
    await meter.take();

    // When Claire follows the menu to the statistics of last month
    await page.getByRole('link', { name: 'Statistiques' }).first().click();
    await page.waitForURL(/\/espace-equipe\/statistiques\//);
    await page.locator('#chiffres').waitFor();
    await page.waitForLoadState('networkidle');

    // Then the page, the API and the mail show the same figures
    const onPage = Object.fromEntries(
      await page
        .locator('#statistiques tr[data-figure]')
        .evaluateAll((rows) =>
          rows.map((row) => [
            row.getAttribute('data-figure'),
            [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''),
          ]),
        ),
    );
    const token = await staffTokens(cloud().issuer).access(claire);
    const view = (await (
      await fetch(`${cloud().urls.site}/api/staff/stats?network=indre&month=${month}`, {
        headers: { accept: 'application/json', ...bearer(token) },
      })
    ).json()) as StatisticsView;
    const fromApi = Object.fromEntries(
      [...view.rows, ...view.sizes].map((row) => [row.key, row.cells.map((cell) => cell.shown)]),
    );
    const mail = mailbox(cloud().urls.mailViewer);
    await sendMonthlyStatistics(monthlyStatisticsDependencies(), new Date(), { network: 'indre', month });
    const sent = (await mail.all()).find(
      (message) =>
        message.destination.to.includes('alize@initiative-indre.example.org') &&
        message.subject.includes(view.monthLabel),
    );

    expect(view.quiet).toBe(false);
    expect(Object.keys(onPage).length).toBeGreaterThan(15);
    expect(onPage).toEqual(fromApi);
    expect(mailRows(sent?.body.html ?? '')).toEqual(fromApi);
    expect(await page.locator('#filtre-mois').inputValue()).toBe(month);

    // And the page has nothing axe finds to fix, reads as French, and weighs under its budget
    const violations = await axeViolations(page);
    expect(violations, formatViolations('statistiques', violations)).toEqual([]);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads.
    expect(typographyFaults(await page.evaluate(() => document.body.innerText))).toEqual([]);
    const bytes = await meter.take();
    expect(bytes).toBeGreaterThan(10 * 1024);
    expect(bytes).toBeLessThan(budget);
    expect(problems).toEqual([]);
  });
});
