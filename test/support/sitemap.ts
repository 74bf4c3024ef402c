import { readFileSync } from 'node:fs';

/** The built site, as the local front serves it. */
export const siteDist = new URL('../../site/dist/', import.meta.url);

/** Every page the built sitemap lists, as a path (`/`, `/catalogue/`…), to request from the local front. */
export const sitemapPaths = (): string[] => {
  const xml = readFileSync(new URL('sitemap-0.xml', siteDist), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
};

/** A path no page has: the front answers the site's own 404 page. */
export const missingPagePath = '/page-qui-n-existe-pas/';
