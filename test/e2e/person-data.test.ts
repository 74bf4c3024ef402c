import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PersonExport } from '../../shared/staff-api.ts';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { consoleProblems, givenChromium } from '../support/browser.ts';
import { poster, validApplication } from '../support/form-posts.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';
import { openSignedIn } from '../support/staff-sign-in.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * In Chromium, as staff would: what is held about a person, found by their address, downloaded to
 * hand over and anonymised on request; the funders' CSV downloaded from the inbox.
 */
const cloud = givenLocalCloud();
const chromium = givenChromium();
const post = poster(cloud);
const claire = 'claire.bernard@initiative-indre.example.org';

const shownText = (page: Page) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, hidden parts left out, is what a person reads.
  page.evaluate(() => `${document.title}\n${document.body.innerText}`);

const saved = async (download: Download) => readFile((await download.path()) as string);

describe('a person’s data in the back office', () => {
  it('is found by their address, downloaded as JSON, then anonymised with its reason', async () => {
    // Given an SME of Indre that applied through the site
    const email = 'gerante.rgpd@menuiserie.example.fr';
    const application = validApplication();
    application.contact.email = email;
    // The page shows the person's words as typed: here they are typeset, so the check reads only ours.
    application.project.description =
      'Nos clients de l’aéronautique nous demandent une certification, et nous voulons structurer notre démarche qualité.';
    const answer = await post.json('/api/applications', application);
    const reference = answer.json().reference as string;

    // When Claire searches for the address on the person page
    const page = await chromium.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await openSignedIn(page, cloud(), claire, '/espace-equipe/personne/');
    // From here on: the issuer's sign-in page is not this test's (Chromium asks it for an icon it has not).
    const problems = consoleProblems(page);
    await page.getByLabel('Adresse électronique de la personne').fill(' Gerante.RGPD@Menuiserie.example.fr');
    await page.getByRole('button', { name: 'Chercher' }).click();

    // Then she sees the application, written out in French
    await page.getByText(`1 fiche trouvée pour ${email}.`).waitFor();
    const card = page.getByRole('article', { name: `Candidature ${reference}` });
    expect(await card.textContent()).toContain('Claire');
    expect(await card.textContent()).toContain('Obtenir la certification ISO 9001');
    expect(await axeViolations(page), formatViolations('personne', await axeViolations(page))).toEqual([]);
    expect(typographyFaults(await shownText(page))).toEqual([]);

    // When she downloads it
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger ces données (JSON)' }).click(),
    ]);

    // Then the file holds what the page shows
    expect(download.suggestedFilename()).toMatch(/^donnees-alize-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse((await saved(download)).toString('utf8')) as PersonExport;
    expect(file.records.map((record) => record.reference)).toEqual([reference]);
    expect(JSON.stringify(file)).toContain(
      '"label":"Adresse électronique","value":"gerante.rgpd@menuiserie.example.fr"',
    );

    // When she anonymises it, with the reason
    await card.locator('summary', { hasText: 'Anonymiser cette fiche' }).click();
    await card.getByLabel('Motif de l’anonymisation').fill('Demande de la personne par courriel.');
    await card.getByRole('button', { name: 'Anonymiser cette fiche' }).click();

    // Then nothing is found for the address any more
    await page.getByText(`La fiche ${reference} est anonymisée.`).waitFor();
    expect(await page.getByRole('article').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('gives the funders’ CSV from the inbox, as a spreadsheet opens it', async () => {
    const page = await chromium.newPage({ viewport: { width: 1280, height: 900 } });
    await openSignedIn(page, cloud(), claire, '/espace-equipe/candidatures/');
    await page.getByRole('heading', { name: 'Exporter pour les financeurs' }).waitFor();
    await page.getByLabel('À partir du').fill(`${new Date().getFullYear() - 1}-01-01`);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger le fichier CSV' }).click(),
    ]);

    expect(download.suggestedFilename()).toMatch(
      /^candidatures-tous-reseaux-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const bytes = await saved(download);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toMatch(/^Référence;Réseau;Reçue le;/);
    // The demo applications of Indre, and only them.
    expect(lines.filter((line) => line.startsWith('ALZ-36-')).length).toBeGreaterThanOrEqual(10);
    expect(lines.some((line) => line.startsWith('ALZ-18-'))).toBe(false);

    // And the same form gives the missions' file
    await page.getByLabel('Fichier').selectOption({ label: 'Missions menées' });
    const [missions] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger le fichier CSV' }).click(),
    ]);
    expect(missions.suggestedFilename()).toMatch(
      /^missions-tous-reseaux-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    expect((await saved(missions)).subarray(3).toString('utf8')).toMatch(/^Mission;Candidature;Réseau;/);
  });
});
