// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

/**
 * The public site: static pages only (S3 + CloudFront), no adapter, no UI framework.
 * Only the catalogue and the networks pages ship a script, which calls `/api/catalogue` on the same origin.
 */
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
  // Keeps Astro from inlining small scripts into the page, for the same CSP reason.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  integrations: [sitemap()],
});
