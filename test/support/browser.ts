import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * Debian's Chromium driven by playwright-core (`npx playwright install` cannot download here):
 * one browser per test file, a fresh context (no cache, no storage) per test.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

export interface BrowserHelpers {
  browser(): Browser;
  /** A new page in its own context, French, phone-sized unless told otherwise; closed after the test. */
  newPage(options?: {
    javaScript?: boolean;
    viewport?: { width: number; height: number };
    /** For injecting a test's own script (axe): the site's Content-Security-Policy forbids inline scripts. */
    bypassCSP?: boolean;
  }): Promise<Page>;
}

export const givenChromium = (): BrowserHelpers => {
  const holder: { browser?: Browser; contexts: BrowserContext[] } = { contexts: [] };
  beforeAll(async () => {
    holder.browser = await launchChromium();
  });
  afterEach(async () => {
    for (const context of holder.contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await holder.browser?.close();
  });
  const browser = () => {
    if (!holder.browser) throw new Error('Chromium not started');
    return holder.browser;
  };
  return {
    browser,
    async newPage({ javaScript = true, viewport = { width: 390, height: 844 }, bypassCSP = false } = {}) {
      const context = await browser().newContext({
        javaScriptEnabled: javaScript,
        locale: 'fr-FR',
        viewport,
        bypassCSP,
      });
      // Fail within the test's own timeout, saying what was awaited.
      context.setDefaultTimeout(10_000);
      holder.contexts.push(context);
      return context.newPage();
    },
  };
};

/** Collects what the page's scripts complain about, so a test can expect none. */
export const consoleProblems = (page: Page): string[] => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return problems;
};

/** An element's text as a person reads it: source line breaks and indentation collapsed to one space. */
export const textOf = async (locator: Locator): Promise<string> =>
  ((await locator.textContent()) ?? '').replace(/[ \t\r\n]+/g, ' ').trim();

/** The same for every element a locator matches. */
export const textsOf = async (locator: Locator): Promise<string[]> =>
  (await locator.allTextContents()).map((text) => text.replace(/[ \t\r\n]+/g, ' ').trim());
