import { beforeAll, describe, expect, it } from 'vitest';
import { givenChromium } from '../support/browser.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';
import { kilobytes, measurePage, type PageWeight, pageBudgetBytes } from '../support/page-weight.ts';
import { missingPagePath, sitemapPaths } from '../support/sitemap.ts';

/**
 * The byte budget, counted in Chromium (bytes only, never timings):
 * - every page, as it loads, weighs under 100 KB in raw bytes: HTML, CSS, JS, images and API answers;
 * - a form page, once someone starts filling it, also loads zod and the shared schema for the checks
 *   before sending: that session stays under 100 KB as CloudFront sends it (gzip estimate);
 * - pages that only inform ship no JavaScript at all.
 */
const cloud = givenLocalCloud();
const chromium = givenChromium();
const paths = [...sitemapPaths(), missingPagePath];
const informational = [
  '/',
  '/comment-ca-marche/',
  '/mentions-legales/',
  '/donnees-personnelles/',
  '/accessibilite/',
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
    expect(atLoad.bytes, `${path}: ${kilobytes(atLoad.bytes)} (${detail})`).toBeLessThan(pageBudgetBytes);
  });
});

describe('pages that only inform ship no JavaScript', () => {
  it.each(informational)('%s', (path) => {
    expect(weightOf(path).atLoad.jsBytes).toBe(0);
  });
});

describe('a form in use stays under 100 KB as CloudFront sends it', () => {
  it.each(formPages)('%s', (path) => {
    const { inUse } = weightOf(path);
    expect(inUse, `${path} has no form to fill`).toBeDefined();
    expect(inUse?.gzipBytes).toBeLessThan(pageBudgetBytes);
  });
});
