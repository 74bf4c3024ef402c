import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { consoleProblems, givenChromium, textOf } from '../support/browser.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { networkMeter } from '../support/page-weight.ts';
import { completeIssuerSignIn, openSignedIn } from '../support/staff-sign-in.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * Signing in to the back office in Chromium, as a staff member does it locally: sent to the local
 * issuer, the code read from the local SES store, back on /espace-equipe/ signed in, then out. The
 * site's real CSP applies (no bypass), so a script that could not reach the issuer would fail here.
 */
const cloud = givenLocalCloud();
const chromium = givenChromium();
const claire = 'claire.bernard@initiative-indre.example.org';

const shownText = (page: Page) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, hidden parts left out, is what a person reads.
  page.evaluate(() => `${document.title}\n${document.body.innerText}`);

const sessionKeys = (page: Page) => page.evaluate(() => Object.keys(sessionStorage).sort());

describe('the back office’s sign-in', () => {
  it('sends a staff member to the issuer, signs them in with the mailed code, and out again', async () => {
    const page = await chromium.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = consoleProblems(page);

    // Given a staff member of Indre opening the back office, whose pages may reach the issuer
    const response = await page.goto(`${cloud().urls.site}/espace-equipe/`);
    expect(response?.headers()['content-security-policy']).toContain(
      `connect-src 'self' ${new URL(cloud().urls.issuer).origin};`,
    );

    // Then they are sent to the issuer's sign-in page, in French
    await page.waitForURL((url) => url.href.startsWith(`${cloud().urls.issuer}/oauth2/authorize`));
    await page.getByRole('heading', { name: 'Connexion à l’espace équipe' }).waitFor();
    expect(typographyFaults(await shownText(page))).toEqual([]);

    // When they give their address and the code the mail viewer shows
    await completeIssuerSignIn(page, cloud(), claire);

    // Then they are back on the back office, signed in under their name, in their network
    await page.waitForURL(`${cloud().urls.site}/espace-equipe/`);
    const session = page.locator('#session');
    await session.waitFor();
    expect(await textOf(session)).toContain(`Connecté·e en tant que ${claire}`);
    expect(await textOf(page.locator('#session-perimetre'))).toBe('Réseau\u00a0: Alizé Indre.');
    expect(typographyFaults(await shownText(page))).toEqual([]);
    expect(await sessionKeys(page)).toEqual(['alize.espace-equipe.jetons']);

    // When they sign out
    await page.getByRole('button', { name: 'Se déconnecter' }).click();

    // Then the tab holds no token, and the back office says so rather than asking again at once
    await page.locator('#deconnecte').waitFor();
    expect(page.url()).toBe(`${cloud().urls.site}/espace-equipe/`);
    expect(await sessionKeys(page)).toEqual([]);
    expect(await page.locator('#session').isHidden()).toBe(true);

    // And signing in again starts at the issuer's address page
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${cloud().urls.issuer}/oauth2/authorize`));
    await page.getByLabel('Adresse électronique').waitFor();
    expect(problems).toEqual([]);
  });

  it('shows the national coordination every network', async () => {
    const page = await chromium.newPage();

    await openSignedIn(page, cloud(), 'nadia.roussel@astrees.example.org');

    await page.locator('#session').waitFor();
    expect(await textOf(page.locator('#session-perimetre'))).toBe(
      'Coordination nationale\u00a0: tous les réseaux (Alizé Indre, Alizé Cher).',
    );
  });

  it('refreshes an expired or refused access token once, without asking to sign in again', async () => {
    const page = await chromium.newPage();
    const problems = consoleProblems(page);
    await openSignedIn(page, cloud(), 'paul.girard@cher-entreprendre.example.org');
    await page.locator('#session').waitFor();
    const refreshes: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/oauth2/token')) refreshes.push(request.postData() ?? '');
    });

    // Given an access token the API refuses (and which the tab still believes valid)
    await page.evaluate(() => {
      const key = 'alize.espace-equipe.jetons';
      const tokens = JSON.parse(sessionStorage.getItem(key) ?? '{}');
      sessionStorage.setItem(key, JSON.stringify({ ...tokens, accessToken: `${tokens.accessToken}x` }));
    });

    // When the page asks the API again
    await page.reload();

    // Then one refresh, and the page shows the session
    await page.locator('#session').waitFor();
    expect(await textOf(page.locator('#session-nom'))).toBe('paul.girard@cher-entreprendre.example.org');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]).toContain('grant_type=refresh_token');
    expect(page.url()).toBe(`${cloud().urls.site}/espace-equipe/`);
    // The refused call itself is the browser's only complaint.
    expect(problems.filter((problem) => !problem.includes('401'))).toEqual([]);

    // And an access token past its expiry is refreshed before it is even sent
    await page.evaluate(() => {
      const key = 'alize.espace-equipe.jetons';
      const tokens = JSON.parse(sessionStorage.getItem(key) ?? '{}');
      sessionStorage.setItem(key, JSON.stringify({ ...tokens, expiresAt: 0 }));
    });
    const before = problems.length;
    await page.reload();
    await page.locator('#session').waitFor();
    expect(refreshes).toHaveLength(2);
    expect(problems.slice(before)).toEqual([]);
  });

  it('tells a person with no session who opened the callback page by hand, in French', async () => {
    const page = await chromium.newPage();

    await page.goto(`${cloud().urls.site}/espace-equipe/connexion/?code=abc&state=def`);

    await page.locator('#connexion-erreur').waitFor();
    expect(await textOf(page.locator('#connexion-erreur-texte'))).toBe(
      'Aucune connexion n’était en cours dans cet onglet. Recommencez depuis l’espace équipe.',
    );
    expect(new URL(page.url()).search).toBe('');
  });
});

describe('axe-core finds nothing to fix', () => {
  const expectNoViolations = async (page: Page, where: string) => {
    const violations = await axeViolations(page);
    expect(violations, formatViolations(where, violations)).toEqual([]);
  };

  it('on the issuer’s pages and the signed-in back office', async () => {
    const page = await chromium.newPage({ bypassCSP: true });
    await mailbox(cloud().urls.mailViewer).clear();
    await page.goto(`${cloud().urls.site}/espace-equipe/`);
    await page.getByLabel('Adresse électronique').waitFor();
    await expectNoViolations(page, 'adresse (émetteur local)');

    await page.getByLabel('Adresse électronique').fill(claire);
    await page.getByRole('button', { name: 'Recevoir un code' }).click();
    await page.getByLabel('Code reçu par courriel').fill('000000');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.locator('.error').waitFor();
    await expectNoViolations(page, 'code erroné (émetteur local)');
    expect(typographyFaults(await shownText(page))).toEqual([]);

    await page.getByRole('link', { name: 'Changer d’adresse ou recevoir un nouveau code' }).click();
    await completeIssuerSignIn(page, cloud(), claire);
    await page.locator('#session').waitFor();
    await expectNoViolations(page, 'espace équipe connecté');
  });
});

describe('the sign-in page (/espace-equipe/connexion/)', () => {
  /** The back office's budget: raw bytes as the page loads, HTML, CSS and scripts. */
  const budget = 150 * 1024;

  const expectNoViolations = async (page: Page, where: string) => {
    const violations = await axeViolations(page);
    expect(violations, formatViolations(where, violations)).toEqual([]);
  };

  it('while it exchanges the code: nothing axe finds to fix, under its budget, then on to the back office', async () => {
    // Given a staff member on the issuer's page, whose code exchange the test holds back for a while
    const page = await chromium.newPage({ bypassCSP: true });
    let held: Route | undefined;
    await page.route(`${cloud().urls.issuer}/oauth2/token`, (route) => {
      held = route;
    });
    const meter = await networkMeter(page, cloud().urls.site);
    await page.goto(`${cloud().urls.site}/espace-equipe/`);
    await page.getByLabel('Adresse électronique').waitFor();
    await meter.take();

    // When they sign in and the issuer sends them back to the sign-in page
    await completeIssuerSignIn(page, cloud(), claire);
    await expect.poll(() => held !== undefined).toBe(true);

    // Then it says the sign-in is under way, weighs under its budget, and axe finds nothing
    expect(new URL(page.url()).pathname).toBe('/espace-equipe/connexion/');
    expect(await textOf(page.locator('#connexion-statut'))).toBe('Connexion en cours…');
    const bytes = await meter.take();
    expect(bytes).toBeGreaterThan(10 * 1024);
    expect(bytes).toBeLessThanOrEqual(budget);
    await expectNoViolations(page, 'connexion en cours');
    expect(typographyFaults(await shownText(page))).toEqual([]);

    // And once the exchange goes through, they are on the back office, signed in
    await held?.continue();
    await page.waitForURL(`${cloud().urls.site}/espace-equipe/`);
    await page.locator('#session').waitFor();
  });

  it('when the sign-in fails: the French reason, nothing axe finds to fix, under its budget', async () => {
    // Given a person with no sign-in under way in this tab
    const page = await chromium.newPage({ bypassCSP: true });
    const meter = await networkMeter(page, cloud().urls.site);

    // When they land on the sign-in page with a code and state of their own
    await page.goto(`${cloud().urls.site}/espace-equipe/connexion/?code=abc&state=def`);
    const error = page.locator('#connexion-erreur');
    await error.waitFor();

    // Then the page says what went wrong and offers to start again
    expect(await textOf(page.locator('#connexion-statut'))).toBe('La connexion n’a pas abouti.');
    expect(await page.getByRole('button', { name: 'Recommencer la connexion' }).isVisible()).toBe(true);
    expect(typographyFaults(await shownText(page))).toEqual([]);

    // And it weighs under its budget, and axe finds nothing in its error state
    const bytes = await meter.take();
    expect(bytes).toBeGreaterThan(10 * 1024);
    expect(bytes).toBeLessThanOrEqual(budget);
    await expectNoViolations(page, 'connexion en échec');
  });
});
