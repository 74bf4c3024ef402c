import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LocalCloud } from '../../infra/local/cloud.ts';
import { mailbox } from './local-cloud.ts';

/**
 * Signing in to the back office as a person does, in Chromium, against the local issuer: for the
 * browser tests of any back-office page.
 */

/** The 6-digit code of the latest sign-in mail sent to this address, once it has arrived. */
export const signInCodeFor = async (cloud: LocalCloud, email: string): Promise<string> => {
  const latest = async () =>
    (await mailbox(cloud.urls.mailViewer).all())
      .filter((mail) => mail.destination.to.includes(email) && mail.subject.includes('code de connexion'))
      .sort((a, b) => b.at - a.at)[0];
  await expect.poll(latest, { timeout: 5000 }).toBeDefined();
  const code = /\b(\d{6})\b/.exec((await latest())?.body.text ?? '')?.[1];
  if (!code) throw new Error(`No sign-in code in the mail sent to ${email}`);
  return code;
};

/**
 * On the issuer's sign-in page (where the back office sent the browser): the address, the code
 * read from the local SES store, and back to the back office.
 */
export const completeIssuerSignIn = async (page: Page, cloud: LocalCloud, email: string) => {
  // The field, not the URL's load: under load Chromium was seen to abort a navigation on the way to
  // the issuer (net::ERR_ABORTED), which fails a wait on its load though the page then arrives.
  await page.getByLabel('Adresse électronique').waitFor();
  if (!page.url().startsWith(`${cloud.urls.issuer}/`))
    throw new Error(`Not on the issuer's page: ${page.url()}`);
  await mailbox(cloud.urls.mailViewer).clear();
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByRole('button', { name: 'Recevoir un code' }).click();
  const codeField = page.getByLabel('Code reçu par courriel');
  await codeField.fill(await signInCodeFor(cloud, email));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.href.startsWith(cloud.urls.site));
};

/** Opens a back-office page signed in as this seeded account (`path`: the back office's home by default). */
export const openSignedIn = async (
  page: Page,
  cloud: LocalCloud,
  email: string,
  path = '/espace-equipe/',
) => {
  await page.goto(`${cloud.urls.site}${path}`);
  await completeIssuerSignIn(page, cloud, email);
  await page.waitForURL(`${cloud.urls.site}${path}`);
};
