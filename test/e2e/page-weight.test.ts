import { beforeAll, describe, expect, it } from 'vitest';
import { givenChromium } from '../support/browser.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';
import { kilobytes, measurePage, type PageWeight, pageBudgetBytes } from '../support/page-weight.ts';
import { missingPagePath, sitemapPaths } from '../support/sitemap.ts';

/**
 * The byte budget, counted in Chromium (bytes only, never timings), one budget for every case:
 * - every page, as it loads, weighs under 100 KB in raw bytes: HTML, CSS, JS, images and API answers;
 * - a form page, once someone starts filling it, also loads zod/mini and the shared schema for the
 *   checks before sending: the page and all that still weigh under 100 KB in raw bytes;
 * - pages that only inform ship no JavaScript at all;
 * - every page comes compressed from the local front, as CloudFront sends it (the transferred figure
 *   is the bench's, the budget stays in decoded bytes).
 */
const cloud = givenLocalCloud();
const chromium = givenChromium();
const paths = [...sitemapPaths(), missingPagePath];
const informational = [
  '/',
  '/comment-ca-marche/',
  '/reseaux/',
  '/mentions-legales/',
  '/donnees-personnelles/',
  '/accessibilite/',
  '/plan-du-site/',
  missingPagePath,
];
const formPages = ['/candidater/', '/devenir-partenaire/', '/contact/'];

const weights = new Map<string, PageWeight>();
const weightOf = (path: string) => {
  const weight = weights.get(path);
  if (!weight) throw new Error(`${path} was not measured`);
  return weight;
};

beforeAll(async () => {
  for (const path of paths) weights.set(path, await measurePage(chromium.browser(), cloud().urls.site, path));
}, 60_000);

describe('every page weighs under 100 KB, raw, as it loads', () => {
  it.each(paths)('%s', (path) => {
    const { atLoad, resources } = weightOf(path);
    const detail = resources.map((r) => `${r.path} ${kilobytes(r.bytes)}`).join(', ');
    expect(
      atLoad.bytes,
      `${path}: ${kilobytes(atLoad.bytes)}, ${kilobytes(atLoad.transferredBytes)} transferred (${detail})`,
    ).toBeLessThan(pageBudgetBytes);
  });
});

describe('pages that only inform ship no JavaScript', () => {
  it.each(informational)('%s', (path) => {
    expect(weightOf(path).atLoad.jsBytes).toBe(0);
  });
});

describe('a form in use still weighs under 100 KB, raw', () => {
  it.each(formPages)('%s', (path) => {
    const { inUse, resources } = weightOf(path);
    expect(inUse, `${path} has no form to fill`).toBeDefined();
    const detail = resources.map((r) => `${r.path} ${kilobytes(r.bytes)}`).join(', ');
    expect(inUse?.bytes, `${path} in use: ${kilobytes(inUse?.bytes ?? 0)} (${detail})`).toBeLessThan(
      pageBudgetBytes,
    );
  });
});

describe('every page comes compressed, as CloudFront sends it', () => {
  it.each(paths)('%s', (path) => {
    const { atLoad, resources } = weightOf(path);
    const document = resources.find((resource) => resource.type === 'document');
    expect(document, `${path}: no document among ${resources.map((r) => r.path).join(', ')}`).toBeDefined();
    // The HTML itself, and the page as a whole, weigh less on the wire than once decoded
    expect(document?.transferredBytes).toBeLessThan((document?.bytes ?? 0) / 2);
    expect(atLoad.transferredBytes).toBeLessThan(atLoad.bytes / 2);
  });
});
