import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CatalogueResponse } from '../../shared/catalogue.ts';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { consoleProblems, givenChromium } from '../support/browser.ts';
import { poster, validPartnerOffer } from '../support/form-posts.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';
import { networkMeter } from '../support/page-weight.ts';
import { openSignedIn } from '../support/staff-sign-in.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * The directory tried as a chargée de mission would, in Chromium against the local cloud: a partner
 * company added, one of its employees made a volunteer, a competence it offers added to the
 * catalogue (and then answered by the public catalogue, without restart), a partner offer of the site
 * made a partner; axe and the byte budget on each new page, signed in.
 */
const cloud = givenLocalCloud();
const chromium = givenChromium();
const post = poster(cloud);
const claire = 'claire.bernard@initiative-indre.example.org';

const shownText = (page: Page) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, hidden parts left out, is what a person reads.
  page.evaluate(() => `${document.title}\n${document.body.innerText}`);

const checkText = async (page: Page) => {
  expect(typographyFaults(await shownText(page))).toEqual([]);
};

const liveCatalogue = async (network: string) =>
  (await (await fetch(`${cloud().urls.site}/api/catalogue?network=${network}`)).json()) as CatalogueResponse;

describe('the directory in the back office', () => {
  it('adds a partner, a volunteer and a competence, and the public catalogue shows the competence', async () => {
    const page = await chromium.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = consoleProblems(page);
    await openSignedIn(page, cloud(), claire, '/espace-equipe/partenaires/');

    // Given the list of Indre's partners, none of Cher's
    await page.getByRole('link', { name: 'Berry Aéro Composants' }).waitFor();
    expect(await page.getByRole('link', { name: 'Mécanique de Précision du Cher' }).count()).toBe(0);
    await checkText(page);

    // When Claire adds a partner company, with a mistake first
    const form = page.locator('#nouveau-partenaire');
    await form.getByLabel('Nom de l’entreprise').fill('Faïencerie de Gien-sur-Indre');
    await form.getByLabel('SIRET').fill('12345678901234');
    await form.getByLabel('Secteur d’activité').fill('Arts de la table');
    await form.getByLabel('Prénom').fill('Odile');
    await form.getByLabel('Nom', { exact: true }).fill('Barbier');
    await form.getByLabel(/^Fonction/).fill('Directrice des ressources humaines');
    await form.getByLabel('Adresse électronique').fill('odile.barbier@faiencerie.example.com');
    await form.getByRole('button', { name: 'Ajouter l’entreprise' }).click();

    // Then the SIRET is refused next to its field, and nothing is added
    const siretError = form.locator('#nouveau-siret-erreur');
    await siretError.waitFor();
    expect(await form.getByLabel('SIRET').getAttribute('aria-invalid')).toBe('true');
    await checkText(page);

    // When she corrects it, the partner's page opens
    await form.getByLabel('SIRET').fill('73282932000074');
    await form.getByRole('button', { name: 'Ajouter l’entreprise' }).click();
    await page.getByRole('heading', { level: 1, name: 'Faïencerie de Gien-sur-Indre' }).waitFor();
    await checkText(page);

    // And she adds a volunteer
    const volunteer = page.locator('#nouveau-volontaire');
    await volunteer.getByLabel('Prénom').fill('Bastien');
    await volunteer.getByLabel('Nom', { exact: true }).fill('Carpentier');
    await volunteer.getByLabel('Fonction dans l’entreprise').fill('Responsable qualité');
    await volunteer.getByLabel('Adresse électronique').fill('bastien.carpentier@faiencerie.example.com');
    await volunteer.getByLabel('Préparer une certification ISO 9001').check();
    await volunteer.getByRole('button', { name: 'Ajouter le salarié volontaire' }).click();
    await page.getByText('Bastien Carpentier est ajouté·e aux salariés volontaires').waitFor();
    const row = page
      .locator('#volontaires-tableau')
      .locator('xpath=..')
      .locator('tr', { hasText: 'Bastien Carpentier' });
    expect(await row.textContent()).toContain('Préparer une certification ISO 9001');
    await checkText(page);

    // And, from the catalogue page, a competence her new partner offers
    await page.getByRole('link', { name: /Ajouter ou modifier une compétence/ }).click();
    const competence = page.locator('#nouvelle-competence');
    await competence.waitFor();
    await competence.getByLabel('Domaine').selectOption('quality');
    await competence.getByLabel('Intitulé').fill('Contrôler la qualité d’une série');
    await competence
      .getByLabel(/^Description/)
      .fill('Plans de contrôle, échantillonnage, fiches de non-conformité.');
    await competence.getByLabel('Faïencerie de Gien-sur-Indre').check();
    await competence.getByRole('button', { name: 'Ajouter au catalogue' }).click();
    await page
      .getByText('La compétence «\u00a0Contrôler la qualité d’une série\u00a0» est au catalogue.')
      .waitFor();
    await checkText(page);

    // Then the public catalogue answers it at once, offered by the new partner
    const catalogue = await liveCatalogue('indre');
    expect(catalogue.competences).toContainEqual(
      expect.objectContaining({
        label: 'Contrôler la qualité d’une série',
        partners: ['Faïencerie de Gien-sur-Indre'],
      }),
    );

    // And a visitor of the catalogue page with JavaScript sees it in Indre's list
    const visitor = await chromium.newPage({ viewport: { width: 390, height: 844 } });
    await visitor.goto(`${cloud().urls.site}/catalogue/`);
    await visitor.getByLabel('Ou choisissez un réseau').selectOption('indre');
    await visitor.getByRole('button', { name: 'Afficher les compétences' }).click();
    await visitor
      .locator('#catalogue-reseau')
      .getByRole('heading', { name: 'Contrôler la qualité d’une série' })
      .waitFor();

    // When she retires the partner, the competence it alone offered leaves the public catalogue
    await page.goto(`${cloud().urls.site}/espace-equipe/partenaires/`);
    await page.getByRole('link', { name: 'Faïencerie de Gien-sur-Indre' }).click();
    await page.getByRole('button', { name: 'Retirer l’entreprise' }).click();
    await page.getByText(/L’entreprise est retirée/).waitFor();
    expect(
      (await liveCatalogue('indre')).competences.some((c) => c.label === 'Contrôler la qualité d’une série'),
    ).toBe(false);
    // The one refusal of the run, the mistyped SIRET, which the browser notes as it notes any 400.
    expect(problems).toEqual([
      'console: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
  });

  it('makes a partner offer of the site a partner in one step', async () => {
    // Given a company that offered its employees' skills through the site
    const offer = validPartnerOffer();
    offer.company.name = 'Porcelaines du Berry';
    offer.company.siret = '55208131766522';
    offer.contact.email = 'drh@porcelaines-berry.example.com';
    const answer = await post.json('/api/partners', offer);
    expect(answer.status).toBe(201);
    const reference = answer.json().reference as string;

    // When Claire reads it among the offers received and makes it a partner
    const page = await chromium.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = consoleProblems(page);
    await openSignedIn(page, cloud(), claire, '/espace-equipe/propositions/');
    const card = page.locator(`article[data-reference="${reference}"]`);
    await card.waitFor();
    await checkText(page);
    expect(await card.textContent()).toContain('Qualité aéronautique, lean manufacturing');
    await card.getByLabel('Secteur d’activité').fill('Arts de la table');
    await card.getByRole('button', { name: 'En faire une entreprise partenaire' }).click();

    // Then she is told, the offer moves to those made partners, and the partner's fiche has the offer's details
    await page.getByText('Porcelaines du Berry est maintenant une entreprise partenaire.').waitFor();
    await page
      .locator(`article[data-reference="${reference}"]`)
      .getByText('Devenue entreprise partenaire')
      .waitFor();
    await page.getByRole('link', { name: 'Ouvrir sa fiche' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Porcelaines du Berry' }).waitFor();
    const fiche = await shownText(page);
    expect(fiche).toContain('drh@porcelaines-berry.example.com');
    expect(fiche).toContain('Arts de la table');
    expect(fiche).toContain(reference);
    await checkText(page);
    expect(problems).toEqual([]);
  });
});

describe('the directory’s pages, signed in', () => {
  const budget = 150 * 1024;

  it('have nothing axe finds to fix, and weigh under their budget', async () => {
    const page = await chromium.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await openSignedIn(page, cloud(), claire);
    const meter = await networkMeter(page, cloud().urls.site);
    await meter.take();
    const paths = [
      '/espace-equipe/partenaires/',
      '/espace-equipe/partenaires/?statut=all',
      '/espace-equipe/partenaire/?id=indre-aero',
      '/espace-equipe/catalogue/',
      '/espace-equipe/propositions/',
    ];
    const weights: Record<string, number> = {};
    for (const path of paths) {
      await page.goto(`${cloud().urls.site}${path}`);
      await page.waitForLoadState('networkidle');
      await expect.poll(() => page.locator('#page-statut').textContent()).not.toMatch(/Chargement/);
      weights[path] = await meter.take();

      // With every edit form open, as someone using them would see them
      for (const summary of await page.locator('details.edit > summary').all()) await summary.click();
      const violations = await axeViolations(page);
      expect(violations, formatViolations(path, violations)).toEqual([]);
      expect(typographyFaults(await shownText(page)), path).toEqual([]);
    }
    const over = Object.entries(weights).filter(([, bytes]) => bytes >= budget);
    expect(over).toEqual([]);
    expect(Math.min(...Object.values(weights))).toBeGreaterThan(10 * 1024);
  });
});
