import { readFileSync, statSync } from 'node:fs';
import { siteDist } from './sitemap.ts';

/**
 * What a built page can load, read from the build without a browser: its style sheets, and its
 * scripts followed through their imports — static ones (`from"./dom.js"`, loaded with the page)
 * and dynamic ones (Vite's preload list `"_astro/validator.js"`, loaded once a form is in use).
 */
const asset = (name: string) => new URL(`_astro/${name}`, siteDist);
const bytes = (names: Iterable<string>) =>
  [...names].reduce((sum, name) => sum + statSync(asset(name)).size, 0);

const follow = (name: string, withDynamic: boolean, seen: Set<string>): Set<string> => {
  if (seen.has(name)) return seen;
  seen.add(name);
  const code = readFileSync(asset(name), 'utf8');
  const imported = [...code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)].map((match) => match[1]);
  const preloaded = withDynamic
    ? [...code.matchAll(/"_astro\/([\w.-]+\.js)"/g)].map((match) => match[1])
    : [];
  for (const next of [...imported, ...preloaded]) if (next) follow(next, withDynamic, seen);
  return seen;
};

export interface PageAssets {
  htmlBytes: number;
  cssBytes: number;
  /** Every script the page loads with it. */
  atLoad: string[];
  atLoadBytes: number;
  /** Those, and every script it may import later (a form's checks). */
  all: string[];
  allBytes: number;
}

export const pageAssets = (path: string): PageAssets => {
  const html = readFileSync(new URL(`.${path}index.html`, siteDist), 'utf8');
  const entries = [...html.matchAll(/<script\b[^>]*\bsrc="\/_astro\/([^"]+)"/g)].map(
    (match) => match[1] ?? '',
  );
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="\/_astro\/([^"]+)"/g)].map(
    (match) => match[1] ?? '',
  );
  const atLoad = new Set<string>();
  const all = new Set<string>();
  for (const entry of entries) {
    follow(entry, false, atLoad);
    follow(entry, true, all);
  }
  return {
    htmlBytes: Buffer.byteLength(html),
    cssBytes: bytes(sheets),
    atLoad: [...atLoad],
    atLoadBytes: bytes(atLoad),
    all: [...all],
    allBytes: bytes(all),
  };
};
