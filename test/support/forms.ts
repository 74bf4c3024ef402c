import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../infra/local/cloud.ts';
import { minimumFillMilliseconds } from '../../shared/forms.ts';
import { mailbox, type StoredMail } from './local-cloud.ts';

/**
 * Filling the public forms the way a person does: by the labels they read. The data is valid for
 * the server's reference checks too (SIRET checksum, Châteauroux is 36000).
 */
export const sme = {
  company: 'Menuiserie Berrichonne',
  siret: '447 896 123 00018',
  employees: '12',
  postcode: '36000',
  city: 'Châteauroux',
  firstName: 'Camille',
  lastName: 'Martin',
  email: 'camille.martin@menuiserie-berrichonne.example.fr',
  phone: '02 54 00 00 00',
  title: 'Obtenir la certification ISO 9001',
  description:
    'Nos clients de l’aéronautique nous demandent la certification ISO 9001 d’ici dix-huit mois : nous partons de zéro.',
  competence: 'Préparer une certification ISO 9001',
} as const;

/** Company, contact and project fields of /candidater/; competences and consent are left to the test. */
export const fillApplication = async (
  page: Page,
  overrides: Partial<Record<keyof typeof sme, string>> = {},
) => {
  const data = { ...sme, ...overrides };
  await page.getByLabel('Nom de l’entreprise').fill(data.company);
  await page.getByLabel('Numéro SIRET').fill(data.siret);
  await page.getByLabel('Nombre de salariés').fill(data.employees);
  await page.getByLabel('Code postal').fill(data.postcode);
  await page.getByLabel('Commune').fill(data.city);
  await page.getByLabel('Prénom').fill(data.firstName);
  await page.getByLabel('Nom', { exact: true }).fill(data.lastName);
  await page.getByLabel('Adresse électronique').fill(data.email);
  await page.getByLabel('Téléphone').fill(data.phone);
  await page.getByLabel('Titre du projet').fill(data.title);
  await page.getByLabel('Description du projet').fill(data.description);
};

/** Ticks a competence of a network, as listed under its « Alizé … » group. */
export const pickCompetence = (page: Page, network: string, label: string) =>
  page.getByRole('group', { name: network }).getByLabel(label).check();

export const giveConsent = (page: Page) => page.getByLabel(/J’accepte que ces informations/).check();

/**
 * The server takes a form sent faster than a person can fill it for a bot's (shared/forms.ts):
 * a test that types in a few milliseconds waits out that delay, counted from the page's own stamp.
 */
export const waitLikeAPerson = async (page: Page) => {
  const stamp = page.locator('input[name="formStartedAt"]');
  const started = Number(await stamp.inputValue());
  const now = await page.evaluate(() => Date.now());
  const wait = started + minimumFillMilliseconds + 250 - now;
  if (wait > 0) await page.waitForTimeout(wait);
};

/**
 * The mail that mentions a reference, once delivered: submissions queue their mail in the outbox,
 * which the scheduled job drains; the test fires that job rather than wait for its five minutes.
 */
export const mailsAbout = async (cloud: LocalCloud, reference: string, expected: number) => {
  const mentions = (mail: StoredMail) =>
    `${mail.subject}\n${mail.body.text ?? ''}\n${mail.body.html ?? ''}`.includes(reference);
  let found: StoredMail[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    found = (await mailbox(cloud.urls.mailViewer).all()).filter(mentions);
    if (found.length >= expected) return found;
    await cloud.scheduler.runNow('deliver-outbox');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return found;
};
