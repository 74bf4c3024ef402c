import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { frenchSpacing } from '../../shared/french-spacing.ts';
import type { CommitteeView, InboxView } from '../../shared/staff-api.ts';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { consoleProblems, givenChromium, textOf } from '../support/browser.ts';
import { poster, validApplication } from '../support/form-posts.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { networkMeter } from '../support/page-weight.ts';
import { openSignedIn } from '../support/staff-sign-in.ts';
import { bearer, staffTokens } from '../support/staff-tokens.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * Tried as a new staff member would, in Chromium against the local cloud: signed in with the code
 * the mail viewer shows, an application taken from the inbox through qualification, a committee
 * date and the committee's decision; the SME's mails in the viewer, and its status link showing
 * each step.
 */
const cloud = givenLocalCloud();
const chromium = givenChromium();
const post = poster(cloud);
const claire = 'claire.bernard@initiative-indre.example.org';

const shownText = (page: Page) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, hidden parts left out, is what a person reads.
  page.evaluate(() => `${document.title}\n${document.body.innerText}`);

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const checkText = async (page: Page) => {
  expect(typographyFaults(await shownText(page))).toEqual([]);
};

describe('the back office, from the inbox to the committee’s decision', () => {
  it('takes an application through qualification, a committee and a decision, and the SME follows it', async () => {
    // Given an SME of Indre that applied through the site
    const smeEmail = 'gerante@back-office-e2e.example.fr';
    const application = validApplication();
    application.contact.email = smeEmail;
    application.company.name = 'Ébénisterie du Boischaut';
    const answer = await post.json('/api/applications', application);
    expect(answer.status).toBe(201);
    const reference = answer.json().reference as string;
    const acknowledged = (await mailbox(cloud().urls.mailViewer).all()).filter((mail) =>
      mail.destination.to.includes(smeEmail),
    );
    expect(acknowledged.map((mail) => mail.subject)).toEqual([
      `Votre demande Alizé ${reference} est bien enregistrée`,
    ]);

    // When Claire signs in on the inbox (the sign-in empties the mail viewer first)
    const page = await chromium.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = consoleProblems(page);
    await openSignedIn(page, cloud(), claire, '/espace-equipe/candidatures/');
    const row = page.locator('tr', { hasText: reference });
    await row.waitFor();

    // Then the application waits on her, with the demo applications of her network only
    expect(await textOf(row)).toContain('Ébénisterie du Boischaut');
    expect(await textOf(row)).toContain('à vous');
    expect(await page.locator('tr', { hasText: 'ALZ-18-' }).count()).toBe(0);
    await checkText(page);

    // When she opens it and qualifies it
    await row.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Ébénisterie du Boischaut' }).waitFor();
    await checkText(page);
    await page.locator('details[data-move="qualified"] > summary').click();
    await page
      .locator('details[data-move="qualified"]')
      .getByRole('button', { name: /Confirmer/ })
      .click();
    await page.getByText('La candidature est maintenant «\u00a0Qualifiée\u00a0».').waitFor();

    // And she schedules a committee, then puts the application on its agenda
    const date = inDays(21);
    await page.goto(`${cloud().urls.site}/espace-equipe/comites/`);
    await page.locator('#programmer').waitFor({ state: 'visible' });
    await page.getByLabel('Date').fill(date);
    await page.getByLabel(/^Heure/).fill('14:30');
    await page.getByLabel(/^Lieu/).fill('Initiative Indre, Châteauroux');
    await page.getByRole('button', { name: 'Programmer le comité' }).click();
    await page.getByText('Comité programmé').waitFor();
    await checkText(page);

    await page.goto(`${cloud().urls.site}/espace-equipe/candidature/?ref=${reference}`);
    const schedule = page.locator('details[data-move="scheduled"]');
    await schedule.locator('summary').click();
    const committeeSelect = schedule.getByLabel('Comité d’agrément');
    await committeeSelect.waitFor();
    await committeeSelect.selectOption(`${date}-indre`);
    await schedule.getByRole('button', { name: /Confirmer/ }).click();
    await page.getByText('La candidature est maintenant «\u00a0Inscrite en comité\u00a0».').waitFor();

    // When the committee meets and its decisions are recorded at once
    await page.goto(`${cloud().urls.site}/espace-equipe/comite/?id=${date}-indre`);
    const decision = page.locator(`fieldset[data-reference="${reference}"]`);
    await decision.waitFor();
    await checkText(page);
    await decision.getByLabel('Décision').selectOption('approved');
    await decision.getByLabel('Motif').fill('Un besoin clair, à la portée de nos partenaires.');
    await page.getByRole('button', { name: 'Enregistrer les décisions' }).click();
    // The sheet's own result, not « Aucune décision enregistrée » already on the page: leaving before
    // the answer would cancel the request.
    await page.getByText(/Retenue, enregistrée\./).waitFor();

    // Then the application's history tells each step, who made it and why
    await page.goto(`${cloud().urls.site}/espace-equipe/candidature/?ref=${reference}`);
    await page.getByText('Un besoin clair, à la portée de nos partenaires.').first().waitFor();
    const history = await shownText(page);
    expect(history).toContain(claire);
    expect(history).toContain('Retenue');

    // And the SME got a mail at each step, in the viewer
    const mails = (await mailbox(cloud().urls.mailViewer).all()).filter((mail) =>
      mail.destination.to.includes(smeEmail),
    );
    const subjects = mails.map((mail) => mail.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        expect.stringContaining('sera présenté au comité d’agrément'),
        'Votre projet est retenu par le comité d’agrément Alizé',
      ]),
    );

    // And its status link, from the last mail, shows each step without an account
    const decided = mails.find((mail) => mail.subject.includes('retenu'));
    const link = /https?:\/\/\S+\/suivi\/\?t=[^\s"<]+/.exec(decided?.body.text ?? '')?.[0];
    expect(link).toBeDefined();
    const sme = await chromium.newPage({ viewport: { width: 390, height: 844 } });
    await sme.goto(link ?? '');
    await sme.locator('.timeline').waitFor();
    const status = await shownText(sme);
    expect(status).toContain(reference);
    expect(status).toContain('Le comité a retenu votre projet');
    expect(status).toContain('Votre projet est inscrit au comité d’agrément');
    await checkText(sme);
    expect(problems).toEqual([]);
  });

  it('shows a national account every network, with nothing to change', async () => {
    const page = await chromium.newPage({ viewport: { width: 1280, height: 900 } });
    await openSignedIn(page, cloud(), 'nadia.roussel@astrees.example.org', '/espace-equipe/candidatures/');
    await page.locator('tr', { hasText: 'ALZ-18-' }).first().waitFor();
    expect(await page.locator('tr', { hasText: 'ALZ-36-' }).count()).toBeGreaterThan(0);
    await page.locator('tr a').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('#page-statut').waitFor({ state: 'attached' });
    expect(await page.locator('details.move').count()).toBe(0);
    await checkText(page);
  });
});

describe('a committee’s agenda, printed', () => {
  it('prints one application a page, with what the committee needs to decide and none of the controls', async () => {
    // Given a committee of Indre with at least two applications on its agenda (the demo's upcoming one)
    const token = await staffTokens(cloud().issuer).access(claire);
    const api = async <T>(path: string) =>
      (await (await fetch(`${cloud().urls.api}${path}`, { headers: bearer(token) })).json()) as T;
    const inbox = await api<InboxView>('/staff/applications?status=scheduled');
    const onAgenda = new Map<string, number>();
    for (const item of inbox.items) {
      if (item.committee) onAgenda.set(item.committee.id, (onAgenda.get(item.committee.id) ?? 0) + 1);
    }
    const committeeId = [...onAgenda].find(([, count]) => count >= 2)?.[0];
    expect(committeeId).toBeDefined();
    const committee = await api<CommitteeView>(`/staff/committees/${committeeId}`);
    expect(committee.agenda.length).toBeGreaterThanOrEqual(2);

    // When Claire opens it: on screen, its print button and its decisions' form are there
    const page = await chromium.newPage({ viewport: { width: 1280, height: 900 } });
    await openSignedIn(page, cloud(), claire, `/espace-equipe/comite/?id=${committeeId}`);
    const items = page.locator('.agenda-item');
    await expect.poll(() => items.count()).toBe(committee.agenda.length);
    const controls = 'form, button, nav, .site-header, .site-footer, .no-print';
    const shown = (selector: string) =>
      page
        .locator(selector)
        .evaluateAll((elements) =>
          elements
            .filter((element) => element.checkVisibility())
            .map((element) => element.outerHTML.slice(0, 80)),
        );
    expect(await shown('button')).toContainEqual(expect.stringContaining('Imprimer l’ordre du jour'));
    expect((await shown('form')).length).toBeGreaterThan(0);

    // And she prints it
    await page.emulateMedia({ media: 'print' });

    // Then the first application follows the heading on the first page, and each after it starts a page
    const breaks = await items.evaluateAll((elements) =>
      elements.map((element) => getComputedStyle(element).breakBefore),
    );
    expect(breaks[0]).not.toBe('page');
    expect(breaks.slice(1)).toEqual(breaks.slice(1).map(() => 'page'));

    // And no form, button, menu, header or screen-only part is printed
    expect(await shown(controls)).toEqual([]);

    // And each page names the committee and holds what the committee decides on
    for (const [index, application] of committee.agenda.entries()) {
      const item = items.nth(index);
      const heading = item.locator('.print-heading');
      expect(await heading.isVisible()).toBe(true);
      expect(await textOf(heading)).toContain('Comité d’agrément Alizé Indre');
      expect(await textOf(item.locator('h3'))).toBe(
        `${index + 1}. ${application.company.name} – ${application.project.title}`,
      );
      const facts = Object.fromEntries(
        await item.locator('dt').evaluateAll((terms) =>
          terms.map((term) => [
            term.textContent?.trim() ?? '',
            // biome-ignore lint/performance/useDomNodeTextContent: the text as printed, one competence a line.
            (term.nextElementSibling as HTMLElement | null)?.innerText.trim() ?? '',
          ]),
        ),
      );
      expect(facts.Entreprise).toContain(application.company.name);
      expect(facts['Compétences demandées']?.split('\n')).toEqual(
        application.project.competences.map((competence) => frenchSpacing(competence.label)),
      );
      expect(facts['Emplois à créer']).toBe(String(application.project.jobsToCreate));
      expect(facts['Emplois à maintenir']).toBe(String(application.project.jobsToMaintain));
      expect(application.opinion).toBeTruthy();
      expect(facts['Avis de l’équipe']).toBe(frenchSpacing(application.opinion ?? ''));
    }
    await checkText(page);
  });
});

describe('every back-office page, signed in', () => {
  /** Under 150 KB each in raw bytes as it loads and is used: HTML, CSS, scripts and the API's answers. */
  const budget = 150 * 1024;

  it('has nothing axe finds to fix, and weighs under its budget', async () => {
    // Given a signed-in staff member of Indre (axe is injected, so this page bypasses the CSP)
    const tokens = staffTokens(cloud().issuer);
    const token = await tokens.access(claire);
    const api = async (path: string) =>
      (await fetch(`${cloud().urls.api}${path}`, { headers: bearer(token) })).json() as Promise<
        Record<string, never>
      >;
    const inbox = (await api('/staff/applications')) as unknown as InboxView;
    const scheduled = inbox.items.find((item) => item.status === 'scheduled' && item.committee);
    expect(scheduled).toBeDefined();
    const page = await chromium.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await openSignedIn(page, cloud(), claire);
    // Each page weighed as a first visit would load it, not from what the previous page cached.
    const meter = await networkMeter(page, cloud().urls.site);
    await meter.take();
    const paths = [
      '/espace-equipe/',
      '/espace-equipe/candidatures/',
      `/espace-equipe/candidature/?ref=${scheduled?.reference}`,
      '/espace-equipe/nouvelle-candidature/',
      '/espace-equipe/comites/',
      `/espace-equipe/comite/?id=${scheduled?.committee?.id}`,
      '/espace-equipe/quarantaine/',
      '/espace-equipe/personne/',
    ];
    const weights: Record<string, number> = {};
    for (const path of paths) {
      // When they open the page and its data has arrived
      await page.goto(`${cloud().urls.site}${path}`);
      await page.waitForLoadState('networkidle');
      await expect
        .poll(() => page.locator('#page-statut, #session-statut').first().textContent())
        .not.toMatch(/Chargement|Vérification/);
      weights[path] = await meter.take();

      // Then axe finds nothing, the French is right, and the page is within its budget
      const violations = await axeViolations(page);
      expect(violations, formatViolations(path, violations)).toEqual([]);
      expect(typographyFaults(await shownText(page)), path).toEqual([]);
    }
    const over = Object.entries(weights).filter(([, bytes]) => bytes >= budget);
    expect(over).toEqual([]);
    // A page weighs at least its HTML, styles and scripts: a meter that counted nothing proves nothing.
    expect(Math.min(...Object.values(weights))).toBeGreaterThan(10 * 1024);
  });
});
