import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoCatalogue } from '../../shared/demo-catalogue.ts';
import { consoleProblems, givenChromium, textOf, textsOf } from '../support/browser.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';

const cloud = givenLocalCloud();
const chromium = givenChromium();

describe('the home page', () => {
  it('explains the programme to an SME owner', async () => {
    const page = await chromium.newPage();
    await page.goto(`${cloud().urls.site}/`);

    const h1 = page.getByRole('heading', { level: 1 });
    expect(await textOf(h1)).toBe('Des compétences de grandes entreprises au service de votre PME');
    const text = await textOf(page.locator('main'));
    for (const phrase of ['3 jours', '12 à 18 mois', 'comité d’agrément', 'maintenir l’emploi', 'PME']) {
      expect(text).toContain(phrase);
    }
    expect(await page.getByRole('link', { name: 'Présenter mon projet' }).getAttribute('href')).toBe(
      '/candidater/',
    );
  });
});

describe('the catalogue', () => {
  const statusOf = (page: Page) => textOf(page.locator('#catalogue-statut'));

  it('loads the chosen network from the API, then filters by search and by category', async () => {
    const page = await chromium.newPage();
    const problems = consoleProblems(page);
    await page.goto(`${cloud().urls.site}/catalogue/?reseau=indre`);

    const indre = demoCatalogue.filter((competence) => competence.network === 'indre');
    const everything = `${indre.length} compétences affichées`;
    await expect.poll(() => statusOf(page)).toBe(everything);

    await page.getByLabel('Rechercher une compétence').fill('qualité');
    // The count is announced once typing pauses.
    await expect.poll(() => statusOf(page)).not.toBe(everything);
    const found = await textsOf(page.locator('#catalogue-resultats li.card:visible h4'));
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(indre.length);
    expect(await statusOf(page)).toBe(
      `${found.length} compétence${found.length > 1 ? 's affichées' : ' affichée'}`,
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe('qualité');

    await page.getByLabel('Rechercher une compétence').fill('');
    await page.getByLabel('Catégorie').selectOption({ label: 'Finance et gestion' });
    const finance = indre.filter((competence) => competence.category === 'finance').length;
    await expect
      .poll(() => statusOf(page))
      .toBe(`${finance} compétence${finance > 1 ? 's affichées' : ' affichée'}`);
    expect(await page.locator('#catalogue-resultats li.card:visible').count()).toBe(finance);
    expect(new URL(page.url()).searchParams.get('categorie')).toBe('finance');
    expect(new URL(page.url()).searchParams.get('reseau')).toBe('indre');

    // A shared address opens the same filtered view.
    const shared = await chromium.newPage();
    await shared.goto(page.url());
    await expect.poll(() => statusOf(shared)).toBe(await statusOf(page));
    expect(await shared.getByLabel('Catégorie').inputValue()).toBe('finance');
    expect(problems).toEqual([]);
  });
});
