import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { InboxView } from '../../shared/staff-api.ts';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { consoleProblems, givenChromium } from '../support/browser.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { isoDayFromToday as day, givenApplication, givenVolunteer, newMission } from '../support/missions.ts';
import { networkMeter } from '../support/page-weight.ts';
import { openSignedIn } from '../support/staff-sign-in.ts';
import { bearer, staffTokens } from '../support/staff-tokens.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * A mission tried as a new staff member would, in Chromium against the local cloud: a partner company,
 * a competence it offers and one of its employees added in the back office; from an approved demo
 * application, a mission with them created with its checklist, two half-days planned, the calendar
 * downloaded and read back, a half-day logged, the mission closed; the SME answers the outcome form
 * from the link in its mail, on a phone; the volunteer's and the SME's mails are in the viewer.
 */
const cloud = givenLocalCloud();
const chromium = givenChromium();
const claire = 'claire.bernard@initiative-indre.example.org';

const shownText = (page: Page) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, hidden parts left out, is what a person reads.
  page.evaluate(() => `${document.title}\n${document.body.innerText}`);

const checkPage = async (page: Page, where: string) => {
  const violations = await axeViolations(page);
  expect(violations, formatViolations(where, violations)).toEqual([]);
  expect(typographyFaults(await shownText(page)), where).toEqual([]);
};

describe('a mission in the back office', () => {
  it('is created, planned, downloaded, delivered and closed, and the SME answers its outcome form', async () => {
    // Given an approved demo application of Indre
    const token = await staffTokens(cloud().issuer).access(claire);
    const inbox = (await (
      await fetch(`${cloud().urls.api}/staff/applications?status=approved`, { headers: bearer(token) })
    ).json()) as InboxView;
    const approved = inbox.items.find((item) => item.network === 'indre');
    expect(approved).toBeDefined();
    const reference = approved?.reference ?? '';
    const application = await (
      await fetch(`${cloud().urls.api}/staff/applications/${reference}`, { headers: bearer(token) })
    ).json();
    const smeEmail = application.contact.email as string;

    // When Claire adds a partner company, a competence it offers, and one of its employees as a volunteer
    // axe is injected, so the pages it checks bypass the CSP (as in the back office's own test).
    const page = await chromium.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await openSignedIn(page, cloud(), claire, '/espace-equipe/partenaires/');
    // From here on: the issuer's own pages are the sign-in test's business.
    const problems = consoleProblems(page);
    const partnerForm = page.locator('#nouveau-partenaire');
    await partnerForm.getByLabel('Nom de l’entreprise').fill('Porcelaines du Berry');
    await partnerForm.getByLabel('SIRET').fill('73282932000074');
    await partnerForm.getByLabel('Secteur d’activité').fill('Arts de la table');
    await partnerForm.getByLabel('Prénom').fill('Odile');
    await partnerForm.getByLabel('Nom', { exact: true }).fill('Barbier');
    await partnerForm.getByLabel('Adresse électronique').fill('odile.barbier@porcelaines.example.com');
    await partnerForm.getByRole('button', { name: 'Ajouter l’entreprise' }).click();
    await page.getByRole('heading', { level: 1, name: 'Porcelaines du Berry' }).waitFor();
    const partnerPage = page.url();
    await page.getByRole('link', { name: /Ajouter ou modifier une compétence/ }).click();
    const competenceForm = page.locator('#nouvelle-competence');
    await competenceForm.getByLabel('Domaine').selectOption('quality');
    await competenceForm.getByLabel('Intitulé').fill('Fiabiliser un contrôle qualité');
    await competenceForm.getByLabel('Porcelaines du Berry').check();
    await competenceForm.getByRole('button', { name: 'Ajouter au catalogue' }).click();
    await page.getByText(/La compétence .+ est au catalogue\./).waitFor();
    await page.goto(partnerPage);
    const volunteerForm = page.locator('#nouveau-volontaire');
    await volunteerForm.getByLabel('Prénom').fill('Inès');
    await volunteerForm.getByLabel('Nom', { exact: true }).fill('Lambert');
    await volunteerForm.getByLabel('Fonction dans l’entreprise').fill('Responsable qualité');
    await volunteerForm.getByLabel('Adresse électronique').fill('ines.lambert@porcelaines.example.com');
    await volunteerForm.getByLabel('Fiabiliser un contrôle qualité').check();
    await volunteerForm.getByRole('button', { name: 'Ajouter le salarié volontaire' }).click();
    await page.getByText('Inès Lambert est ajouté·e aux salariés volontaires').waitFor();

    // And opens the application and creates a mission with its checklist
    await page.goto(`${cloud().urls.site}/espace-equipe/candidature/?ref=${reference}`);
    await page.locator('#creer-mission > summary').click();
    await page.getByLabel('Compétence').selectOption({ label: 'Fiabiliser un contrôle qualité' });
    await page.getByLabel('Entreprise partenaire').selectOption({ label: 'Porcelaines du Berry' });
    await page
      .getByLabel('Salarié', { exact: true })
      .selectOption({ label: 'Inès Lambert, Responsable qualité' });
    await page.getByLabel('Demi-journées prévues').fill('4');
    await page.getByLabel('Date de début').fill(day(-10));
    await page.getByLabel(/^Date de fin/).fill(day(180));
    await page.getByLabel(/Convention signée/).fill(day(-15));
    await page.getByLabel(/Accord écrit du salarié/).fill(day(-14));
    await checkPage(page, 'candidature, création de mission');
    await page.getByRole('button', { name: 'Créer la mission' }).click();
    await page.getByText(/Mission .+-M1 créée\./).waitFor();
    await page.locator('.summary-line .badge', { hasText: 'En cours' }).waitFor();
    await page.locator('#liste-missions a').click();

    // And plans two half-days, one past, one to come
    await page.locator('#demi-journees').waitFor();
    await checkPage(page, 'mission, en préparation');
    const plan = async (id: string, date: string, slot: 'morning' | 'afternoon', place?: string) => {
      await page.locator('#prevoir > summary').click();
      await page.locator('#nouvelle-date').fill(date);
      await page.locator('#nouveau-creneau').selectOption(slot);
      if (place) await page.locator('#lieu').fill(place);
      else await page.locator('#a-distance').check();
      await page.locator('#prevoir').getByRole('button', { name: 'Prévoir' }).click();
      await page.locator(`li[data-intervention="${id}"]`).waitFor();
      expect(await page.locator('#annonce').textContent()).toMatch(/^Demi-journée prévue le .+\.$/);
    };
    await plan('I1', day(-2), 'morning', 'Atelier, Châteauroux');
    await plan('I2', day(7), 'afternoon');
    expect(await shownText(page)).toContain('Prévues ou réalisées\u00a0: 2 sur 4.');

    // And starts it: the volunteer and the SME are told
    await page.getByRole('button', { name: 'Démarrer la mission' }).click();
    await page.getByText(/La mission est démarrée/).waitFor();

    // When she downloads the volunteer's calendar, a calendar application reads both half-days
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /calendrier du salarié/ }).click(),
    ]);
    const ics = readFileSync((await download.path()) ?? '', 'utf8');
    const events = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.location)).toEqual(['Atelier, Châteauroux', 'À distance']);
    expect(new Set(events.map((event) => event.uid)).size).toBe(2);
    const parisHour = (date: Date) =>
      new Intl.DateTimeFormat('fr-FR', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        minute: '2-digit',
      }).format(date);
    expect(events.map((event) => parisHour(event.startDate.toJSDate()))).toEqual(['09:00', '14:00']);

    // And logs the past half-day done, cancels the other, and asks for the outcomes
    const first = page.locator('li[data-intervention="I1"]');
    await first.locator('details[data-action="done"] > summary').click();
    await first.getByLabel(/Note/).fill('Diagnostic qualité avec l’équipe de l’atelier.');
    await first.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText(/est notée réalisée\./).waitFor();
    const second = page.locator('li[data-intervention="I2"]');
    await second.locator('details[data-action="cancel"] > summary').click();
    await second.getByRole('button', { name: 'Annuler la demi-journée' }).click();
    await page.getByText(/est annulée\./).waitFor();
    expect(await shownText(page)).toContain('Réalisées\u00a0: 1.');
    await checkPage(page, 'mission, en cours');
    await page.getByRole('button', { name: 'Demander le bilan par courriel' }).click();
    await page.getByText('Le bilan est demandé à l’entreprise et au salarié par courriel.').waitFor();

    // Then the SME answers the form from the link in its mail, on a phone
    const mails = await mailbox(cloud().urls.mailViewer).all();
    const smeForm = mails.find(
      (mail) => mail.destination.to.includes(smeEmail) && mail.subject.includes('bilan'),
    );
    const link = /https?:\/\/\S+\/bilan\/\?t=[^\s"<]+/.exec(smeForm?.body.text ?? '')?.[0];
    expect(link).toBeDefined();
    const phone = await chromium.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const phoneProblems = consoleProblems(phone);
    await phone.goto(link ?? '');
    await phone.getByLabel('Emplois créés grâce à la mission').waitFor();
    expect(await shownText(phone)).not.toContain('Lambert');
    await checkPage(phone, 'bilan');
    await phone.getByLabel('Emplois créés grâce à la mission').fill('1');
    await phone.getByLabel('Emplois maintenus grâce à la mission').fill('12');
    await phone.getByLabel('5 – très satisfait').check();
    await phone.getByLabel(/Un commentaire/).fill('Une aide précieuse pour notre certification.');
    await phone.getByRole('button', { name: 'Envoyer ma réponse' }).click();
    await phone.getByText(/Votre réponse est enregistrée/).waitFor();
    await phone.reload();
    await phone.getByText(/votre réponse est déjà enregistrée/).waitFor();

    // And the mission is closed with its outcomes, the application too
    await page.reload();
    await page.locator('.summary-line .badge', { hasText: 'Close' }).waitFor();
    const closed = await shownText(page);
    expect(closed).toContain('Emplois maintenus\n12');
    expect(closed).toContain('Une aide précieuse pour notre certification.');
    await checkPage(page, 'mission, close');
    const after = await (
      await fetch(`${cloud().urls.api}/staff/applications/${reference}`, { headers: bearer(token) })
    ).json();
    expect(after.status).toBe('closed');

    // And the volunteer's and the SME's mails are in the viewer
    const viewer = await chromium.newPage({ viewport: { width: 1280, height: 900 } });
    await viewer.goto(cloud().urls.mailViewer);
    await viewer.getByText('Votre mission Alizé auprès de').first().waitFor();
    await viewer
      .getByText(/Inès Lambert, de .+, vous accompagne avec Alizé/)
      .first()
      .waitFor();
    expect(problems).toEqual([]);
    expect(phoneProblems).toEqual([]);
  });

  it('weighs the mission page under 150 KB with its data', async () => {
    // Given a mission with a few half-days, made through the API
    const token = await staffTokens(cloud().issuer).access(claire);
    const reference = await givenApplication('approved');
    const volunteer = await givenVolunteer();
    const post = async (path: string, body: unknown) =>
      (await fetch(`${cloud().urls.api}${path}`, {
        method: 'POST',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((answer) => answer.json())) as { id: string; version: number };
    let mission = await post(`/staff/applications/${reference}/missions`, newMission(volunteer));
    for (const offset of [1, 2, 3]) {
      mission = await post(`/staff/missions/${mission.id}/interventions`, {
        version: mission.version,
        date: day(offset),
        slot: 'morning',
        place: 'Atelier',
      });
    }

    // When Claire opens its page, first visit
    const page = await chromium.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await openSignedIn(page, cloud(), claire);
    const meter = await networkMeter(page, cloud().urls.site);
    await meter.take();
    await page.goto(`${cloud().urls.site}/espace-equipe/mission/?id=${mission.id}`);
    await page.locator('li[data-intervention="I3"]').waitFor();
    await page.waitForLoadState('networkidle');

    // Then HTML, styles, scripts and the mission's data stay under 150 KB
    const bytes = await meter.take();
    expect(bytes).toBeGreaterThan(10 * 1024);
    expect(bytes).toBeLessThan(150 * 1024);
    await checkPage(page, 'mission, trois demi-journées prévues');
  });
});
