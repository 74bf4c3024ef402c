import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readSettingsFile } from '../../infra/config.ts';
import { demoCatalogue } from '../../shared/demo-catalogue.ts';
import { frenchSpacing } from '../../shared/french-spacing.ts';
import { catalogueByNetwork } from '../../site/src/lib/build-data.ts';
import { consoleProblems, givenChromium, textOf, textsOf } from '../support/browser.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';

/**
 * Territory first: a visitor sees the competences of the network of their territory, chosen by
 * postcode or by name and remembered on the device; outside every territory, the national
 * coordination's address. Without JavaScript, the catalogue and the networks are plain HTML.
 * (The application form's side of it is in application.test.ts.)
 */
const cloud = givenLocalCloud();
const chromium = givenChromium();
const settings = readSettingsFile();
const national = settings.national.contact;

/** The labels of a network's live competences (the local cloud serves the demo catalogue). */
const labelsOf = (network: string) =>
  demoCatalogue
    .filter((competence) => competence.network === network)
    .map((competence) => frenchSpacing(competence.label))
    .sort();

const visibleCards = (page: Page) => textsOf(page.locator('.card:visible h4'));
const statusOf = (page: Page) => textOf(page.locator('#catalogue-statut'));
const heading = (page: Page) => textOf(page.locator('#catalogue-reseau-titre'));

/** Every catalogue request the page makes, as `?network=…`. */
const catalogueRequests = (page: Page) => {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/catalogue') seen.push(url.search);
  });
  return seen;
};

const openCatalogue = async (page: Page, query = '') => {
  await page.goto(`${cloud().urls.site}/catalogue/${query}`);
};

describe('the catalogue asks for the territory, then shows that network only', () => {
  it('a visitor of Indre types 36000, sees only Indre’s competences, and finds them again on reload', async () => {
    // Given a first visit to the catalogue
    const page = await chromium.newPage();
    const problems = consoleProblems(page);
    const requests = catalogueRequests(page);
    await openCatalogue(page);
    expect(await page.getByRole('heading', { name: 'Votre territoire' }).isVisible()).toBe(true);
    expect(await visibleCards(page)).toEqual([]);

    // When the visitor gives the postcode of Châteauroux
    await page.getByLabel('Code postal de votre entreprise').fill('36000');
    await page.getByRole('button', { name: 'Afficher les compétences' }).click();

    // Then only Alizé Indre's competences show, loaded for that network alone
    const indre = labelsOf('indre');
    await expect.poll(() => statusOf(page)).toBe(`${indre.length} compétences affichées`);
    expect(await heading(page)).toBe('Les compétences du réseau Alizé Indre');
    expect((await visibleCards(page)).sort()).toEqual(indre);
    expect(requests).toEqual(['?network=indre']);
    expect(new URL(page.url()).searchParams.get('reseau')).toBe('indre');

    // And on the next visit, the same device goes straight to them
    await page.goto(`${cloud().urls.site}/catalogue/`);
    await expect.poll(() => statusOf(page)).toBe(`${indre.length} compétences affichées`);
    expect(await heading(page)).toBe('Les compétences du réseau Alizé Indre');
    expect(await page.getByRole('heading', { name: 'Votre territoire' }).isVisible()).toBe(false);
    expect(problems).toEqual([]);
  });

  it('a visitor chooses « Alizé Indre » in the list, searches within it, then changes territory', async () => {
    const page = await chromium.newPage();
    await openCatalogue(page);

    // Given Alizé Indre chosen by name
    await page.getByLabel('Ou choisissez un réseau').selectOption({ label: 'Alizé Indre – Indre (36)' });
    await page.getByRole('button', { name: 'Afficher les compétences' }).click();
    await expect.poll(() => statusOf(page)).toBe(`${labelsOf('indre').length} compétences affichées`);

    // When searching « trésorerie », which both networks offer
    await page.getByLabel('Rechercher une compétence').fill('trésorerie');

    // Then only Indre's one shows
    await expect.poll(() => statusOf(page)).toBe('1 compétence affichée');
    expect(await visibleCards(page)).toEqual(['Prévoir sa trésorerie']);
    expect(
      await page.locator('.card:visible a').getAttribute('href'),
      'the card links to the application for this competence',
    ).toBe('/candidater/?competence=indre-tresorerie');

    // When the visitor changes territory to Alizé Cher
    await page.getByRole('button', { name: 'Changer de territoire' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('territoire-code-postal');
    await page.getByLabel('Ou choisissez un réseau').selectOption({ label: 'Alizé Cher – Cher (18)' });
    await page.getByRole('button', { name: 'Afficher les compétences' }).click();

    // Then Cher's whole catalogue shows, the search of Indre forgotten
    await expect.poll(() => heading(page)).toBe('Les compétences du réseau Alizé Cher');
    await expect.poll(() => statusOf(page)).toBe(`${labelsOf('cher').length} compétences affichées`);
    expect((await visibleCards(page)).sort()).toEqual(labelsOf('cher'));
    expect(await page.getByLabel('Rechercher une compétence').inputValue()).toBe('');
  });

  it('follows the link of /reseaux/ to one network’s catalogue', async () => {
    const page = await chromium.newPage();
    await page.goto(`${cloud().urls.site}/reseaux/`);

    await page.getByRole('link', { name: 'Voir les compétences du réseau Alizé Cher' }).click();

    await expect.poll(() => statusOf(page)).toBe(`${labelsOf('cher').length} compétences affichées`);
    expect(await heading(page)).toBe('Les compétences du réseau Alizé Cher');
    expect((await visibleCards(page)).sort()).toEqual(labelsOf('cher'));
  });

  it('says when no network covers a postcode, with the national coordination’s address', async () => {
    const page = await chromium.newPage();
    const requests = catalogueRequests(page);
    await openCatalogue(page);

    await page.getByLabel('Code postal de votre entreprise').fill('75001');
    await page.getByRole('button', { name: 'Afficher les compétences' }).click();

    const message = page.locator('#territoire-message');
    await expect.poll(() => textOf(message)).toContain('ne couvre encore votre département, Paris (75)');
    expect(await message.getByRole('link', { name: national.email }).getAttribute('href')).toBe(
      `mailto:${national.email}`,
    );
    expect(await visibleCards(page)).toEqual([]);
    expect(requests).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('the catalogue shows every network’s competences, category by category, with a link to each network', async () => {
    // Given a browser without JavaScript
    const page = await chromium.newPage({ javaScript: false });

    // When it opens the catalogue
    await openCatalogue(page);

    // Then every competence of the build is there, under its network and its category
    const sections = await catalogueByNetwork();
    expect(await page.getByRole('heading', { name: 'Votre territoire' }).isVisible()).toBe(false);
    for (const { network, categories } of sections) {
      const part = page.locator(`section#reseau-${network.id}`);
      expect(await textOf(part.getByRole('heading', { level: 2 }))).toBe(network.name);
      expect(await textsOf(part.getByRole('heading', { level: 3 }))).toEqual(categories.map((c) => c.label));
      expect((await textsOf(part.locator('.card h4'))).sort()).toEqual(
        categories.flatMap((c) => c.competences.map((competence) => competence.label)).sort(),
      );
    }
    const total = sections.reduce((sum, section) => sum + section.count, 0);
    expect(await page.locator('.card:visible').count()).toBe(total);

    // And the list at the top leads to each network's part
    const links = page.getByRole('navigation', { name: 'Le catalogue de chaque réseau' }).getByRole('link');
    expect(await textsOf(links)).toEqual(sections.map((section) => section.network.name));
    await links.last().click();
    expect(new URL(page.url()).hash).toBe(`#reseau-${sections.at(-1)?.network.id}`);
  });

  it('the networks page shows each network, its operator, territory and public contact', async () => {
    const page = await chromium.newPage({ javaScript: false });
    await page.goto(`${cloud().urls.site}/reseaux/`);

    const cards = page.locator('main .card');
    expect(await cards.count()).toBe(settings.networks.length);
    for (const [index, network] of settings.networks.entries()) {
      const card = await textOf(cards.nth(index));
      expect(card).toContain(network.name);
      expect(card).toContain(network.operator);
      for (const line of network.contact.address) expect(card).toContain(line);
      expect(card).toContain(network.contact.phone.replaceAll(' ', '\u00a0'));
      expect(card).toContain(network.contact.email);
      expect(
        await cards.nth(index).getByRole('link', { name: network.contact.email }).getAttribute('href'),
      ).toBe(`mailto:${network.contact.email}`);
    }
    expect(await textOf(page.locator('main'))).toContain(national.email);
  });
});
