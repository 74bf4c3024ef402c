import { readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built site, as the local front serves it. */
export const siteDist = new URL('../../site/dist/', import.meta.url);

/** Every page the built sitemap lists, as a path (`/`, `/catalogue/`…), to request from the local front. */
export const sitemapPaths = (): string[] => {
  const xml = readFileSync(new URL('sitemap-0.xml', siteDist), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
};

/** A path no page has: the front answers the site's own 404 page. */
export const missingPagePath = '/page-qui-n-existe-pas/';

export interface BuiltPage {
  /** The file under site/dist, e.g. `catalogue/index.html`. */
  file: string;
  html: string;
}

/** Every HTML file of the build, the sitemap's pages and the others (404) alike. */
export const builtPages = (): BuiltPage[] => {
  const root = fileURLToPath(siteDist);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => {
      const path = `${entry.parentPath}/${entry.name}`;
      return { file: relative(root, path), html: readFileSync(path, 'utf8') };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
};
