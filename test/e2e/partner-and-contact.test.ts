import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { forms } from '../../shared/forms.ts';
import { consoleProblems, givenChromium, textOf, textsOf } from '../support/browser.ts';
import { giveConsent, waitLikeAPerson } from '../support/forms.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';

const cloud = givenLocalCloud();
const chromium = givenChromium();

const fillPartnerOffer = async (page: Page) => {
  await page.getByLabel('Nom de l’entreprise').fill('Berry Aéro Composants');
  await page.getByLabel('Numéro SIRET').fill('12345678900015');
  await page.getByLabel('Code postal').fill('36000');
  await page.getByLabel('Commune').fill('Châteauroux');
  await page.getByLabel('Prénom').fill('Nadia');
  await page.getByLabel('Nom', { exact: true }).fill('Bernard');
  await page.getByLabel('Fonction').fill('Responsable RSE');
  await page.getByLabel('Adresse électronique').fill('nadia.bernard@berry-aero.example.fr');
  await page.getByLabel('Qualité').check();
  await page.getByLabel('Production et logistique').check();
  await page
    .getByLabel('Compétences proposées')
    .fill('Certification ISO 9001, audits internes, organisation d’atelier en lean.');
  await page.getByLabel('Nombre de salariés volontaires').fill('3');
  await giveConsent(page);
};

const fillContactMessage = async (page: Page) => {
  await page.getByLabel('Votre nom').fill('Louis Petit');
  await page.getByLabel('Adresse électronique').fill('louis.petit@example.fr');
  await page.getByLabel('Réseau Alizé concerné').selectOption({ label: 'Alizé Cher' });
  await page.getByLabel('Objet').fill('Question sur le comité d’agrément');
  await page
    .getByLabel('Votre message')
    .fill('Bonjour, quand se réunit le prochain comité d’agrément ? Merci d’avance.');
  await giveConsent(page);
};

describe('a large company offers its employees’ skills', () => {
  it('sends the partner form with JavaScript and reads its reference', async () => {
    const page = await chromium.newPage();
    const problems = consoleProblems(page);
    await page.goto(`${cloud().urls.site}${forms.partnerOffer.page}`);

    await fillPartnerOffer(page);
    await waitLikeAPerson(page);
    await page.getByRole('button', { name: 'Envoyer ma proposition' }).click();

    const confirmation = page.locator('.confirmation');
    await confirmation.waitFor();
    expect(await textOf(confirmation.locator('[data-slot="reference"]'))).toMatch(/^PART-36-\d{4}-\d{4,}$/);
    expect(await textOf(confirmation)).toContain('Alizé Indre');
    expect(problems).toEqual([]);
  });

  it('posts the partner form without JavaScript and reads the reference on the server’s page', async () => {
    const page = await chromium.newPage({ javaScript: false });
    await page.goto(`${cloud().urls.site}${forms.partnerOffer.page}`);

    await fillPartnerOffer(page);
    await Promise.all([
      page.waitForURL(`**${forms.partnerOffer.endpoint}`),
      page.getByRole('button', { name: 'Envoyer ma proposition' }).click(),
    ]);

    expect(await textOf(page.locator('body'))).toMatch(/PART-36-\d{4}-\d{4,}/);
  });
});

describe('someone writes to a network', () => {
  it('sends the contact form with JavaScript and reads its reference', async () => {
    const page = await chromium.newPage();
    const problems = consoleProblems(page);
    await page.goto(`${cloud().urls.site}${forms.contactMessage.page}`);

    const options = await textsOf(page.getByLabel('Réseau Alizé concerné').locator('option'));
    expect(options).toEqual(['Je ne sais pas', 'Alizé Indre', 'Alizé Cher']);

    await fillContactMessage(page);
    await waitLikeAPerson(page);
    await page.getByRole('button', { name: 'Envoyer mon message' }).click();

    const confirmation = page.locator('.confirmation');
    await confirmation.waitFor();
    expect(await textOf(confirmation.locator('[data-slot="reference"]'))).toMatch(/^MSG-/);
    expect(await textOf(confirmation)).toContain('louis.petit@example.fr');
    expect(problems).toEqual([]);
  });
});

describe('someone writes to a network without JavaScript', () => {
  it('posts the contact form and reads the reference on the server’s page', async () => {
    const page = await chromium.newPage({ javaScript: false });
    await page.goto(`${cloud().urls.site}${forms.contactMessage.page}`);

    await fillContactMessage(page);
    await Promise.all([
      page.waitForURL(`**${forms.contactMessage.endpoint}`),
      page.getByRole('button', { name: 'Envoyer mon message' }).click(),
    ]);

    expect(await textOf(page.locator('body'))).toMatch(/MSG-\S+/);
  });
});
