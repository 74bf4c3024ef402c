import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { forms } from '../../shared/forms.ts';
import { frenchSpacing } from '../../shared/french-spacing.ts';
import { givenChromium } from '../support/browser.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';
import { builtPages, missingPagePath, sitemapPaths } from '../support/sitemap.ts';
import { readableText, type TypographyFault, typographyFaults } from '../support/typography.ts';

/**
 * French typography as a reader meets it: a no-break space before « : ; ? ! » and inside « », in
 * the HTML the build writes (text and the attributes people read) and in what the pages show once
 * their scripts ran (the catalogue of a network, the forms with their errors).
 */
const cloud = givenLocalCloud();
const chromium = givenChromium();

const listed = (faults: TypographyFault[]) =>
  faults.map((fault) => `  ${fault.problem}: « ${fault.excerpt} »`).join('\n');

describe('the built HTML of every page', () => {
  const pages = builtPages();

  it('is there to check', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(pages.map((page) => [page.file, page.html]))('%s has no typography fault', (file, html) => {
    // Given the page as the build wrote it, when its readable text is scanned
    const faults = typographyFaults(readableText(html));

    // Then every sign has its no-break space
    expect(faults, `${file}\n${listed(faults)}`).toEqual([]);
  });
});

/** What each page needs done before its text is complete: a network chosen, errors shown. */
const bringOut: Record<string, (page: Page) => Promise<void>> = {
  '/catalogue/': async (page) => {
    await page.getByLabel('Ou choisissez un réseau').selectOption({ label: 'Alizé Indre – Indre (36)' });
    await page.getByRole('button', { name: 'Afficher les compétences' }).click();
    await page.locator('#catalogue-resultats .card').first().waitFor();
    await expect.poll(() => page.locator('#catalogue-statut').textContent()).toMatch(/affichées?$/);
  },
  [forms.application.page]: async (page) => {
    // A postcode no network covers says so at once; sending the rest empty shows every error.
    await page.getByLabel('Code postal', { exact: true }).fill('75001');
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.locator('.error-summary:not([hidden])').waitFor();
  },
  [forms.partnerOffer.page]: async (page) => {
    await page.getByRole('button', { name: 'Envoyer ma proposition' }).click();
    await page.locator('.error-summary:not([hidden])').waitFor();
  },
  [forms.contactMessage.page]: async (page) => {
    await page.getByRole('button', { name: 'Envoyer mon message' }).click();
    await page.locator('.error-summary:not([hidden])').waitFor();
  },
};

describe('the text each page shows in Chromium, once its scripts ran', () => {
  it.each([...sitemapPaths(), missingPagePath])('%s has no typography fault', async (path) => {
    // Given the page in a browser, its content brought out
    const page = await chromium.newPage();
    await page.goto(`${cloud().urls.site}${path}`, { waitUntil: 'networkidle' });
    await bringOut[path]?.(page);

    // When the text a person reads is scanned: the title and the rendered body
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, hidden parts left out, is what a person reads.
    const text = await page.evaluate(() => `${document.title}\n${document.body.innerText}`);
    const faults = typographyFaults(text);

    // Then every sign has its no-break space
    expect(faults, `${path}\n${listed(faults)}`).toEqual([]);
  });
});

describe('the catalogue’s texts, typed on a keyboard by a network’s staff', () => {
  it.each([
    ['Les cent premiers jours du repreneur : équipe, clients.', 'repreneur\u00a0: équipe'],
    ['Une question ?', 'question\u00a0?'],
    ['Votre référence: la voici', 'référence\u00a0: la'],
    ['Le « lean » au quotidien', '«\u00a0lean\u00a0»'],
    ['Le «lean» au quotidien', '«\u00a0lean\u00a0»'],
  ])('« %s » gets its no-break spaces', (typed, shown) => {
    expect(frenchSpacing(typed)).toContain(shown);
    expect(typographyFaults(frenchSpacing(typed))).toEqual([]);
  });

  it('leaves addresses and times alone', () => {
    const text = 'Voir https://www.example.fr/?q=1 à 10:30, écrire à contact@alize.example.org.';
    expect(frenchSpacing(text)).toBe(text);
  });
});
