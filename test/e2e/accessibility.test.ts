import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { forms } from '../../shared/forms.ts';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { givenChromium } from '../support/browser.ts';
import { fillApplication, giveConsent, pickCompetence, sme, waitLikeAPerson } from '../support/forms.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';
import { missingPagePath, sitemapPaths } from '../support/sitemap.ts';

const cloud = givenLocalCloud();
const chromium = givenChromium();

/** Zero violations, or a failure that lists each one readably. */
const expectNoViolations = async (page: Page, where: string) => {
  const violations = await axeViolations(page);
  expect(violations, formatViolations(where, violations)).toEqual([]);
};

describe('axe-core finds nothing to fix', () => {
  // Pages are checked once their scripts have drawn them (catalogue, networks), at phone width.
  it.each([...sitemapPaths(), missingPagePath])('on %s', async (path) => {
    const page = await chromium.newPage({ bypassCSP: true });
    const response = await page.goto(`${cloud().urls.site}${path}`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(path === missingPagePath ? 404 : 200);

    await expectNoViolations(page, path);
  });

  it('on the catalogue showing one network', async () => {
    const page = await chromium.newPage({ bypassCSP: true });
    await page.goto(`${cloud().urls.site}/catalogue/?reseau=indre`);
    await page.locator('#catalogue-resultats .card').first().waitFor();

    await expectNoViolations(page, 'catalogue d’un réseau');
  });

  it('on the catalogue telling that no network covers a postcode', async () => {
    const page = await chromium.newPage({ bypassCSP: true });
    await page.goto(`${cloud().urls.site}/catalogue/`);
    await page.getByLabel('Code postal de votre entreprise').fill('75001');
    await page.getByRole('button', { name: 'Afficher les compétences' }).click();
    await page.locator('#territoire-message .note').waitFor();

    await expectNoViolations(page, 'catalogue hors territoire');
  });

  it('on the catalogue as it shows without its script: everything, network by network', async () => {
    // axe itself needs JavaScript: the page's own script is kept out instead.
    const page = await chromium.newPage({ bypassCSP: true });
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto(`${cloud().urls.site}/catalogue/`);
    await page.locator('#catalogue-complet .card').first().waitFor();

    await expectNoViolations(page, 'catalogue sans JavaScript');
  });

  it('on a phone with the menu open', async () => {
    const page = await chromium.newPage({ bypassCSP: true });
    await page.goto(`${cloud().urls.site}/`);
    await page.getByRole('navigation', { name: 'Menu principal' }).locator('summary').click();

    await expectNoViolations(page, 'menu ouvert sur téléphone');
  });

  it('on a wide screen, with the whole menu', async () => {
    const page = await chromium.newPage({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
    await page.goto(`${cloud().urls.site}/`);

    await expectNoViolations(page, 'menu sur grand écran');
  });

  it('on the application form telling that no network covers the postcode', async () => {
    const page = await chromium.newPage({ bypassCSP: true });
    await page.goto(`${cloud().urls.site}${forms.application.page}`);
    await page.getByLabel('Code postal', { exact: true }).fill('75001');
    await page.locator('#company-postcode-territoire .note').waitFor();

    await expectNoViolations(page, 'candidature hors territoire');
  });

  it('on the application form showing its errors', async () => {
    const page = await chromium.newPage({ bypassCSP: true });
    await page.goto(`${cloud().urls.site}${forms.application.page}`);
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.locator('.error-summary:not([hidden])').waitFor();

    await expectNoViolations(page, 'formulaire de candidature en erreur');
  });

  it('on the application form’s confirmation', async () => {
    const page = await chromium.newPage({ bypassCSP: true });
    await page.goto(`${cloud().urls.site}${forms.application.page}`);
    await fillApplication(page, { email: 'axe@menuiserie-berrichonne.example.fr' });
    await pickCompetence(page, 'Alizé Indre', sme.competence);
    await giveConsent(page);
    await waitLikeAPerson(page);
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.locator('.confirmation').waitFor();

    await expectNoViolations(page, 'confirmation de candidature');
  });
});
