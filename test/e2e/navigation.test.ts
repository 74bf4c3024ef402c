import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mainNav } from '../../shared/site.ts';
import { givenChromium } from '../support/browser.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';

/**
 * The main menu, without JavaScript: on a phone a « Menu » disclosure that leaves the screen to the
 * page, on a wide screen the whole list; and the icons browsers ask for, none of them missing.
 */
const cloud = givenLocalCloud();
const chromium = givenChromium();
const phone = { width: 390, height: 844 };
const wide = { width: 1280, height: 800 };

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu principal' });
const visibleLinks = async (page: Page) => {
  const links = menu(page).getByRole('link');
  const shown: string[] = [];
  for (const link of await links.all())
    if (await link.isVisible()) shown.push((await link.textContent()) ?? '');
  return shown.map((label) => label.trim());
};
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('on a phone, without JavaScript', () => {
  it('the menu is a closed « Menu » disclosure that opens with the keyboard, its links next in the tab order', async () => {
    // Given the home page on a phone, without JavaScript
    const page = await chromium.newPage({ javaScript: false, viewport: phone });
    await page.goto(`${cloud().urls.site}/`);

    // Then the header leaves most of the screen to the page, and the menu is closed
    const header = await page.locator('.site-header').boundingBox();
    expect(header?.height ?? Number.POSITIVE_INFINITY).toBeLessThan(phone.height / 6);
    const button = menu(page).locator('summary');
    expect(await button.textContent()).toBe('Menu');
    expect(await button.isVisible()).toBe(true);
    expect(await page.locator('details.menu-compact').getAttribute('open')).toBeNull();
    expect(await visibleLinks(page)).toEqual([]);

    // When a keyboard user tabs to « Menu » and presses Enter
    for (let press = 0; press < 5 && (await focused(page)) !== 'Menu'; press++)
      await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Menu');
    await page.keyboard.press('Enter');

    // Then every page of the menu is listed, and Tab goes on to the first link
    expect(await visibleLinks(page)).toEqual(mainNav.map((item) => item.label));
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(mainNav[0]?.label);

    // And Enter on « Menu » closes it again
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await visibleLinks(page)).toEqual([]);
  });

  it('the current page is marked in the open menu', async () => {
    const page = await chromium.newPage({ javaScript: false, viewport: phone });
    await page.goto(`${cloud().urls.site}/reseaux/`);
    await menu(page).locator('summary').click();

    const current = menu(page).locator('a[aria-current="page"]:visible');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toContain('Les réseaux');
  });
});

describe('on a wide screen, without JavaScript', () => {
  it('the whole menu shows, with no disclosure', async () => {
    const page = await chromium.newPage({ javaScript: false, viewport: wide });
    await page.goto(`${cloud().urls.site}/`);

    expect(await menu(page).locator('summary').isVisible()).toBe(false);
    expect(await visibleLinks(page)).toEqual(mainNav.map((item) => item.label));
  });
});

describe('the icons browsers ask for', () => {
  it.each([
    ['/favicon.ico', /^image\/x-icon/],
    ['/favicon.svg', /^image\/svg\+xml/],
    ['/apple-touch-icon.png', /^image\/png/],
  ])('%s is there', async (path, type) => {
    const response = await fetch(`${cloud().urls.site}${path}`);
    const body = new Uint8Array(await response.arrayBuffer());

    expect(response.status).toBe(200);
    expect(body.length).toBeGreaterThan(100);
    expect(response.headers.get('content-type') ?? '').toMatch(type);
    // An ICO file: reserved 0, type 1 (icon), at least one image.
    if (path.endsWith('.ico')) expect([...body.slice(0, 4)]).toEqual([0, 0, 1, 0]);
  });

  it('no request of a page goes unanswered', async () => {
    const page = await chromium.newPage();
    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${cloud().urls.site}/`, { waitUntil: 'networkidle' });
    await page.goto(`${cloud().urls.site}/favicon.ico`);

    expect(missing).toEqual([]);
  });
});
