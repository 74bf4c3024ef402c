// @ts-check
import { request } from 'node:http';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import {
  halfDayAnswerPagePath,
  mailPreferencesPagePath,
  outcomeFormPagePath,
  statusPagePath,
} from '../shared/site.ts';
import { backOfficePath } from '../shared/staff.ts';

/**
 * Pages for one reader only, never in the sitemap (they carry `noindex` too): the back office, and
 * the status page, the outcome forms and the mail preferences, whose addresses hold a token.
 */
const unlisted = [
  backOfficePath,
  statusPagePath,
  outcomeFormPagePath,
  mailPreferencesPagePath,
  halfDayAnswerPagePath,
];
/** @param {string} page */
const listed = (page) => !unlisted.some((path) => new URL(page).pathname.startsWith(path));

/** The local cloud of `npm start`, which listens on 127.0.0.1 only. */
const localCloud = `http://127.0.0.1:${process.env.ALIZE_PORT ?? 4321}`;

/** Sends one request on to the local cloud and its answer back, untouched. */
const forwardToLocalCloud = (incoming, outgoing) => {
  const upstream = request(
    new URL(incoming.url ?? '/', localCloud),
    { method: incoming.method, headers: incoming.headers },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    },
  );
  upstream.on('error', () => {
    if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    outgoing.end(
      `Le cloud local ne répond pas sur ${localCloud}\u00a0: lancez «\u00a0npm start\u00a0» à côté.`,
    );
  });
  incoming.pipe(upstream);
};

/**
 * `npm run dev:site` only: `/api/*` goes to the local cloud, as CloudFront sends it to the API, so
 * the pages call the same origin either way. Vite's own `server.proxy` cannot do it: Astro puts its
 * middlewares in front of Vite's, and its trailing-slash rule answers 404 to `/api/catalogue` first.
 * So this one goes in front of Astro's, once Astro has placed them (a post hook, `enforce: 'post'`).
 * @type {import('vite').Plugin}
 */
const apiToLocalCloud = {
  name: 'alize:api-to-local-cloud',
  apply: 'serve',
  enforce: 'post',
  configureServer(server) {
    return () => {
      server.middlewares.stack.unshift({
        route: '',
        handle: (incoming, outgoing, next) => {
          const path = (incoming.url ?? '/').split('?')[0];
          // The API, and the back office's config.json, which the local cloud serves (its local issuer's values).
          if (path === '/api' || path.startsWith('/api/') || path === '/espace-equipe/config.json') {
            forwardToLocalCloud(incoming, outgoing);
          } else next();
        },
      });
    };
  },
};

export default defineConfig({
  // Placeholder public URL: the sitemap needs absolute addresses. Set the real domain before going live.
  site: 'https://alize.example.org',
  output: 'static',
  // `/catalogue/` → `catalogue/index.html`; every internal link ends with a slash, so no redirect is needed.
  trailingSlash: 'always',
  // Lossless whitespace compression: the default 'jsx' rules glue words to a line-broken `{expression}`
  // or link (« environ3 jours »), which prose-heavy pages cannot afford.
  compressHTML: true,
  build: {
    format: 'directory',
    // Styles and scripts stay in files under /_astro/ (hashed, cacheable for a year) so that a strict
    // Content-Security-Policy (`script-src 'self'; style-src 'self'`) never needs 'unsafe-inline'.
    inlineStylesheets: 'never',
  },
  // `npm run dev:site`: its own port, since `npm start` (the local cloud) serves the built site on 4321.
  server: { port: 4322 },
  vite: {
    // Keeps Astro from inlining small scripts into the page, for the same CSP reason.
    build: { assetsInlineLimit: 0 },
    plugins: [apiToLocalCloud],
  },
  devToolbar: { enabled: false },
  integrations: [sitemap({ filter: listed })],
});
