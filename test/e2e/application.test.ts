import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readSettingsFile } from '../../infra/config.ts';
import { frenchMonth } from '../../shared/dates.ts';
import { forms } from '../../shared/forms.ts';
import { monthsFrom } from '../../site/src/lib/months.ts';
import { consoleProblems, givenChromium, textOf, textsOf } from '../support/browser.ts';
import {
  fillApplication,
  giveConsent,
  mailsAbout,
  pickCompetence,
  sme,
  waitLikeAPerson,
} from '../support/forms.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';

const cloud = givenLocalCloud();
const chromium = givenChromium();
const indre = readSettingsFile().networks.find((network) => network.id === 'indre');
const referencePattern = /^ALZ-36-\d{4}-\d{4}$/;

const openForm = async (page: Page, query = '') => {
  await page.goto(`${cloud().urls.site}${forms.application.page}${query}`);
};

/** Every request the page makes to the application route. */
const applicationRequests = (page: Page) => {
  const seen: { method: string; contentType: string | undefined; idempotencyKey: string | undefined }[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === forms.application.endpoint) {
      const headers = request.headers();
      seen.push({
        method: request.method(),
        contentType: headers['content-type'],
        idempotencyKey: headers['idempotency-key'],
      });
    }
  });
  return seen;
};

const focusedElement = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return { id: element?.id ?? '', className: element?.className ?? '', tag: element?.tagName ?? '' };
  });

describe('an SME applies with JavaScript', () => {
  it('fills the form by its labels and reads the confirmation, without a reload; both mails go out', async () => {
    const page = await chromium.newPage();
    const problems = consoleProblems(page);
    const requests = applicationRequests(page);
    await openForm(page);
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    await fillApplication(page);
    await pickCompetence(page, 'Alizé Indre', sme.competence);
    await giveConsent(page);
    await waitLikeAPerson(page);
    // An impatient double click sends the application once.
    await page.getByRole('button', { name: 'Envoyer ma demande' }).dblclick();

    const confirmation = page.locator('.confirmation');
    await confirmation.waitFor();
    const reference = await textOf(confirmation.locator('[data-slot="reference"]'));
    expect(reference).toMatch(referencePattern);
    const text = await textOf(confirmation);
    expect(text).toContain('Votre demande est bien enregistrée');
    expect(text).toContain('réseau Alizé Indre');
    expect(text).toContain(sme.email);
    expect(await page.locator('form#candidature').count()).toBe(0);
    expect((await focusedElement(page)).className).toBe('confirmation');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    expect(await page.title()).toMatch(/^Demande envoyée/);
    expect(requests).toEqual([
      {
        method: 'POST',
        contentType: 'application/json',
        idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    ]);

    const mails = await mailsAbout(cloud(), reference, 2);
    const toSme = mails.filter((mail) => mail.destination.to.includes(sme.email));
    const toStaff = mails.filter((mail) =>
      indre?.staffEmails.some((address) => mail.destination.to.includes(address)),
    );
    expect(toSme).toHaveLength(1);
    expect(toStaff).toHaveLength(1);
    for (const mail of [...toSme, ...toStaff]) {
      const body = `${mail.subject}\n${mail.body.text ?? ''}`;
      expect(body).toContain(reference);
      expect(body).toContain(sme.company);
    }
    expect(problems).toEqual([]);
  });
});

describe('an SME applies without JavaScript', () => {
  it('posts the native form and reads the reference on the server’s answer page', async () => {
    const page = await chromium.newPage({ javaScript: false });
    const requests = applicationRequests(page);
    await openForm(page);

    await fillApplication(page);
    await pickCompetence(page, 'Alizé Indre', sme.competence);
    await giveConsent(page);
    await Promise.all([
      page.waitForURL(`**${forms.application.endpoint}`),
      page.getByRole('button', { name: 'Envoyer ma demande' }).click(),
    ]);

    expect(requests).toEqual([
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', idempotencyKey: undefined },
    ]);
    const answer = await textOf(page.locator('body'));
    expect(answer).toMatch(/ALZ-36-\d{4}-\d{4}/);
  });
});

describe('the desired start month', () => {
  /** Three months from now, as the select lists it: value `2027-03`, label « mars 2027 ». */
  const chosen = () => {
    const month = monthsFrom(new Date(), 4)[3];
    if (!month) throw new Error('no month');
    return month;
  };
  const monthSelect = (page: Page) => page.getByLabel('Mois de démarrage souhaité');

  /** The acknowledgement the SME receives for this reference. */
  const acknowledgement = async (reference: string) => {
    const mails = await mailsAbout(cloud(), reference, 2);
    const mail = mails.find((found) => found.destination.to.includes(sme.email));
    return mail?.body.text ?? '';
  };

  it('is one list of months, the same in every browser, that starts with « Pas de date précise »', async () => {
    const page = await chromium.newPage({ javaScript: false });
    await openForm(page);

    const options = await monthSelect(page).locator('option').all();
    const values = await Promise.all(options.map((option) => option.getAttribute('value')));
    const labels = await Promise.all(options.map(async (option) => (await option.textContent())?.trim()));
    expect(labels[0]).toBe('Pas de date précise');
    expect(values[0]).toBe('');
    expect(values.length).toBeGreaterThan(12);
    for (const [index, value] of values.slice(1).entries()) {
      expect(value).toMatch(/^20\d{2}-(0[1-9]|1[0-2])$/);
      expect(labels[index + 1]).toBe(frenchMonth(value ?? ''));
    }
    expect(await monthSelect(page).inputValue()).toBe('');
  });

  it('posts YYYY-MM without JavaScript, and the acknowledgement names the month', async () => {
    const page = await chromium.newPage({ javaScript: false });
    const month = chosen();
    await openForm(page);

    await fillApplication(page);
    await monthSelect(page).selectOption({ label: month.label });
    await pickCompetence(page, 'Alizé Indre', sme.competence);
    await giveConsent(page);
    const [posted] = await Promise.all([
      page.waitForRequest(`**${forms.application.endpoint}`),
      page.getByRole('button', { name: 'Envoyer ma demande' }).click(),
    ]);

    expect(new URLSearchParams(posted.postData() ?? '').get('project.desiredStart')).toBe(month.value);
    await page.waitForURL(`**${forms.application.endpoint}`);
    const reference = /ALZ-36-\d{4}-\d{4}/.exec(await textOf(page.locator('body')))?.[0] ?? '';
    const text = await acknowledgement(reference);
    expect(text).toContain('Démarrage souhaité');
    expect(text).toContain(month.label);
  });

  it('posts the same with JavaScript', async () => {
    const page = await chromium.newPage();
    const month = chosen();
    await openForm(page);

    await fillApplication(page);
    await monthSelect(page).selectOption({ label: month.label });
    await pickCompetence(page, 'Alizé Indre', sme.competence);
    await giveConsent(page);
    await waitLikeAPerson(page);
    const [posted] = await Promise.all([
      page.waitForRequest(`**${forms.application.endpoint}`),
      page.getByRole('button', { name: 'Envoyer ma demande' }).click(),
    ]);

    expect((posted.postDataJSON() as { project: { desiredStart?: string } }).project.desiredStart).toBe(
      month.value,
    );
    const confirmation = page.locator('.confirmation');
    await confirmation.waitFor();
    const text = await acknowledgement(await textOf(confirmation.locator('[data-slot="reference"]')));
    expect(text).toContain(month.label);
  });
});

describe('when sending fails', () => {
  it('says why in French, keeps the answers, and retries with the same Idempotency-Key', async () => {
    const page = await chromium.newPage();
    const requests = applicationRequests(page);
    await openForm(page);
    await fillApplication(page);
    await pickCompetence(page, 'Alizé Indre', sme.competence);
    await giveConsent(page);
    const send = page.getByRole('button', { name: 'Envoyer ma demande' });
    const failure = page.locator('.form-failure');

    await page.route(`**${forms.application.endpoint}`, (route) => route.abort('internetdisconnected'));
    await send.click();
    await expect.poll(() => textOf(failure)).toContain('la connexion semble interrompue');

    const tooMany = 'Trop de demandes depuis votre connexion : réessayez dans une heure.';
    await page.unrouteAll();
    await page.route(`**${forms.application.endpoint}`, (route) =>
      route.fulfill({ status: 429, json: { error: 'too_many_requests', message: tooMany } }),
    );
    await send.click();
    await expect.poll(() => textOf(failure)).toBe(tooMany);
    expect(await failure.getAttribute('role')).toBe('alert');
    expect(await page.getByLabel('Nom de l’entreprise').inputValue()).toBe(sme.company);

    await page.unrouteAll();
    await waitLikeAPerson(page);
    await send.click();
    await page.locator('.confirmation').waitFor();
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((request) => request.idempotencyKey)).size).toBe(1);
  });
});

describe('when the checks cannot load in the browser', () => {
  it('sends anyway, and shows the server’s field errors the same way', async () => {
    const page = await chromium.newPage();
    const requests = applicationRequests(page);
    await openForm(page);
    // The page's own script is there; whatever it would load later (zod, the schema) is not.
    await page.route('**/_astro/**', (route) => route.abort());

    await fillApplication(page, { siret: '447 896 123 00019' });
    await pickCompetence(page, 'Alizé Indre', sme.competence);
    await giveConsent(page);
    await waitLikeAPerson(page);
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();

    const siret = page.getByLabel('Numéro SIRET');
    await expect.poll(() => siret.getAttribute('aria-invalid')).toBe('true');
    expect(await textOf(page.locator('#company-siret-erreur'))).toContain('Ce numéro SIRET n’existe pas');
    expect((await focusedElement(page)).className).toBe('error-summary');
    expect(requests).toHaveLength(1);
  });
});

describe('errors shown before anything is sent', () => {
  it('puts a wrong SIRET’s message next to the field, tied by aria-describedby, and sends nothing', async () => {
    const page = await chromium.newPage();
    const requests = applicationRequests(page);
    await openForm(page);

    await fillApplication(page, { siret: '447 896 123 00019' });
    await pickCompetence(page, 'Alizé Indre', sme.competence);
    await giveConsent(page);
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();

    const siret = page.getByLabel('Numéro SIRET');
    await expect.poll(() => siret.getAttribute('aria-invalid')).toBe('true');
    const error = page.locator('#company-siret-erreur');
    expect(await textOf(error)).toBe(
      'Erreur\u00a0: Ce numéro SIRET n’existe pas\u00a0: vérifiez les chiffres.',
    );
    expect((await siret.getAttribute('aria-describedby'))?.split(' ')).toEqual([
      'company-siret-aide',
      'company-siret-erreur',
    ]);
    expect(await error.evaluate((element) => element.closest('.field')?.querySelector('input')?.id)).toBe(
      'company-siret',
    );

    // The summary takes the focus, lists this one error, and its link leads to the field.
    expect((await focusedElement(page)).className).toBe('error-summary');
    const links = page.locator('.error-summary a');
    expect(await textsOf(links)).toEqual(['Ce numéro SIRET n’existe pas\u00a0: vérifiez les chiffres.']);
    await links.first().click();
    expect((await focusedElement(page)).id).toBe('company-siret');
    expect(await page.title()).toMatch(/^Erreur/);
    expect(requests).toEqual([]);

    // Corrected, the same form goes through.
    await siret.fill(sme.siret);
    await waitLikeAPerson(page);
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.locator('.confirmation').waitFor();
    expect(requests).toHaveLength(1);
  });

  it('shows the server’s field errors the same way when only the server can tell', async () => {
    const page = await chromium.newPage();
    await openForm(page);

    // 36000 is Châteauroux: the schema accepts any city, the server's commune check does not.
    await fillApplication(page, { city: 'Bourges' });
    await pickCompetence(page, 'Alizé Indre', sme.competence);
    await giveConsent(page);
    await waitLikeAPerson(page);
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();

    const city = page.getByLabel('Commune');
    await expect.poll(() => city.getAttribute('aria-invalid')).toBe('true');
    expect((await city.getAttribute('aria-describedby'))?.split(' ')).toContain('company-city-erreur');
    expect(await textOf(page.locator('#company-city-erreur'))).toMatch(/^Erreur\u00a0: \S/);
    expect(await page.locator('.error-summary a[href="#company-city"]').count()).toBe(1);
  });

  it('says at once, in the schema’s words, that a sixth competence is one too many', async () => {
    const page = await chromium.newPage();
    await openForm(page);
    await page.getByLabel('Code postal').fill('36000');

    const boxes = page.getByRole('group', { name: 'Alizé Indre' }).getByRole('checkbox');
    for (let index = 0; index < 5; index++) await boxes.nth(index).check();
    expect(await page.locator('#project-competences-erreur').count()).toBe(0);
    await boxes.nth(5).check();

    const error = page.locator('#project-competences-erreur');
    await error.waitFor();
    expect(await textOf(error)).toBe('Erreur\u00a0: Choisissez au plus 5\u00a0compétences.');
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await page.locator('#project-competences').getAttribute('aria-describedby')).toContain(
      'project-competences-erreur',
    );

    await boxes.nth(5).uncheck();
    await expect.poll(() => error.count()).toBe(0);
  });
});

describe('the competences follow the territory', () => {
  const visibleNetworks = (page: Page) => textsOf(page.locator('fieldset[data-network]:visible legend'));

  it('shows only the network of the postcode’s département, and unticks the others', async () => {
    const page = await chromium.newPage();
    await openForm(page);
    expect(await visibleNetworks(page)).toEqual(['Alizé Indre', 'Alizé Cher']);
    await pickCompetence(page, 'Alizé Cher', 'Organiser un atelier en lean');

    await page.getByLabel('Code postal').fill('36000');
    expect(await visibleNetworks(page)).toEqual(['Alizé Indre']);
    expect(await page.locator('#project-competences-cher-lean').isChecked()).toBe(false);
    expect(await textOf(page.locator('#project-competences-territoire'))).toContain('Alizé Indre');

    await page.getByLabel('Code postal').fill('75011');
    expect(await visibleNetworks(page)).toEqual(['Alizé Indre', 'Alizé Cher']);
    await page.getByLabel('Code postal').fill('18000');
    expect(await visibleNetworks(page)).toEqual(['Alizé Cher']);
  });

  it('ticks the competence a catalogue link names, and shows its network', async () => {
    const page = await chromium.newPage();
    await openForm(page, '?competence=indre-tresorerie');

    expect(await visibleNetworks(page)).toEqual(['Alizé Indre']);
    expect(
      await page.getByRole('group', { name: 'Alizé Indre' }).getByLabel('Prévoir sa trésorerie').isChecked(),
    ).toBe(true);
  });
});

describe('the application form follows the postcode as it is typed', () => {
  const national = readSettingsFile().national.contact;
  const visibleNetworks = (page: Page) => textsOf(page.locator('fieldset[data-network]:visible legend'));
  const networkNames = readSettingsFile().networks.map((network) => network.name);
  const note = (page: Page) => page.locator('#company-postcode-territoire');

  it('typing 36000 shows only Indre’s competences and names the network under the postcode', async () => {
    const page = await chromium.newPage();
    await openForm(page);

    await page.getByLabel('Code postal', { exact: true }).fill('36000');

    expect(await visibleNetworks(page)).toEqual(['Alizé Indre']);
    expect(await textOf(note(page))).toBe('Réseau de votre territoire\u00a0: Alizé Indre.');
  });

  it('typing 75001 tells at once that no network covers Paris, with the national coordination’s mail', async () => {
    const page = await chromium.newPage();
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await openForm(page);

    // When the SME types a Paris postcode, and nothing else
    await page.getByLabel('Code postal', { exact: true }).fill('75001');

    // Then, before anything is sent, the note under the postcode says so and gives an address
    const text = await textOf(note(page));
    expect(text).toContain(
      'Aucun réseau Alizé présent sur ce site ne couvre encore votre département, Paris (75)',
    );
    expect(text).not.toContain('toutes les compétences restent affichées');
    expect(await note(page).getByRole('link', { name: national.email }).getAttribute('href')).toBe(
      `mailto:${national.email}`,
    );
    expect(await note(page).getAttribute('aria-live')).toBe('polite');
    expect(await page.getByLabel('Code postal', { exact: true }).getAttribute('aria-describedby')).toContain(
      'company-postcode-territoire',
    );
    expect(posts).toEqual([]);

    // And a postcode of a network's territory replaces the message
    await page.getByLabel('Code postal', { exact: true }).fill('18000');
    expect(await textOf(note(page))).toBe('Réseau de votre territoire\u00a0: Alizé Cher.');
  });

  it('without JavaScript, keeps the competences grouped by network', async () => {
    const page = await chromium.newPage({ javaScript: false });
    await openForm(page);

    await page.getByLabel('Code postal', { exact: true }).fill('36000');

    expect(await visibleNetworks(page)).toEqual(networkNames);
  });
});

describe('keyboard only', () => {
  /** Presses Tab until the focus reaches the element, as a person would; fails past `max` presses. */
  const tabTo = async (page: Page, selector: string, max = 80) => {
    for (let press = 0; press < max; press++) {
      if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`${selector} never got the focus after ${max} presses of Tab`);
  };

  it('completes the application with Tab, typing and Space, and sends it with Enter', async () => {
    const page = await chromium.newPage({ viewport: { width: 1280, height: 800 } });
    await openForm(page);

    const typed: [string, string][] = [
      ['#company-name', sme.company],
      ['#company-siret', sme.siret],
      ['#company-employees', sme.employees],
      ['#company-postcode', sme.postcode],
      ['#company-city', sme.city],
      ['#contact-firstName', sme.firstName],
      ['#contact-lastName', sme.lastName],
      ['#contact-email', sme.email],
      ['#project-title', sme.title],
      ['#project-description', sme.description],
    ];
    for (const [selector, text] of typed) {
      await tabTo(page, selector);
      await page.keyboard.type(text);
    }
    await tabTo(page, '#project-competences-indre-iso-9001');
    await page.keyboard.press('Space');
    await tabTo(page, '#consent');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type="submit"]');
    await waitLikeAPerson(page);
    await page.keyboard.press('Enter');

    const confirmation = page.locator('.confirmation');
    await confirmation.waitFor();
    expect(await textOf(confirmation.locator('[data-slot="reference"]'))).toMatch(referencePattern);
    expect((await focusedElement(page)).className).toBe('confirmation');
  });
});
