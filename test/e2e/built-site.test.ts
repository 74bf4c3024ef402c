import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { quarantineRetentionDays } from '../../functions/db/entities/quarantined-submission.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { applicationSchema } from '../../shared/application.ts';
import { contactMessageSchema } from '../../shared/contact-message.ts';
import { demoCatalogue } from '../../shared/demo-catalogue.ts';
import { fieldId, forms, minimumFillMilliseconds } from '../../shared/forms.ts';
import { partnerOfferSchema } from '../../shared/partner-offer.ts';
import {
  halfDayAnswerPagePath,
  mailPreferencesPagePath,
  outcomeFormPagePath,
  statusPagePath,
} from '../../shared/site.ts';
import { staffNav, staffPages } from '../../site/src/lib/staff/pages.ts';
import { pageAssets } from '../support/built-scripts.ts';
import { builtPages, siteDist, sitemapPaths } from '../support/sitemap.ts';

/**
 * The built HTML itself, without a browser: what the no-JavaScript forms depend on is decided at
 * build time (field names and ids, the competences from the catalogue, the networks of cdk.json).
 */
const settings = readSettingsFile();
const html = (page: string) => readFileSync(new URL(`.${page}index.html`, siteDist), 'utf8');

/** The `name` and `id` of every control of the page's form, in order. */
const controls = (page: string) =>
  [...html(page).matchAll(/<(?:input|textarea|select)\b[^>]*>/g)].map(([tag]) => ({
    name: /\bname="([^"]*)"/.exec(tag)?.[1],
    id: /\bid="([^"]*)"/.exec(tag)?.[1],
    type: /\btype="([^"]*)"/.exec(tag)?.[1],
  }));

/** Dotted paths of an object schema's fields (`company.siret`), the names the forms post. */
const fieldPaths = (schema: z.ZodMiniType, prefix = ''): string[] =>
  schema instanceof z.ZodMiniObject
    ? Object.entries(schema.shape).flatMap(([name, field]) =>
        fieldPaths(field as z.ZodMiniType, `${prefix}${name}.`),
      )
    : [prefix.slice(0, -1)];

/** Set by the page's script, never in the HTML. */
const scriptOnly = new Set(['formStartedAt']);

describe.each([
  { form: forms.application, schema: applicationSchema },
  { form: forms.partnerOffer, schema: partnerOfferSchema },
  { form: forms.contactMessage, schema: contactMessageSchema },
])('the form of $form.page', ({ form, schema }) => {
  it('posts every field of its schema, and only those', () => {
    const posted = new Set(controls(form.page).flatMap(({ name }) => (name ? [name] : [])));
    const expected = fieldPaths(schema).filter((path) => !scriptOnly.has(path));

    expect([...posted].sort()).toEqual([...expected].sort());
    expect(html(form.page)).toContain(`method="post" action="${form.endpoint}"`);
  });

  it('gives each control the id the server’s error page links to', () => {
    for (const { name, id, type } of controls(form.page)) {
      if (!name) continue;
      if (type === 'checkbox' && name !== 'consent') {
        // A list of boxes: each has its own id under the group's, which carries the field's id.
        expect(id).toMatch(new RegExp(`^${fieldId(name)}-`));
        expect(html(form.page)).toContain(`<fieldset id="${fieldId(name)}"`);
      } else {
        expect(id, name).toBe(fieldId(name));
      }
    }
  });
});

describe('what the build reads', () => {
  it.skipIf(process.env.ALIZE_CATALOGUE_URL)(
    'lists every competence of the demo catalogue as a box, network by network',
    () => {
      const page = html(forms.application.page);
      for (const network of settings.networks) {
        const start = page.indexOf(`data-network="${network.id}"`);
        expect(start, network.id).toBeGreaterThan(0);
        const section = page.slice(start, page.indexOf('</fieldset>', start));
        expect(section).toContain(`<h4>${network.name}</h4>`);
        const boxes = [...section.matchAll(/name="project\.competences"[^>]*value="([^"]+)"/g)].map(
          (m) => m[1],
        );
        const expected = demoCatalogue.filter((c) => c.network === network.id).map((c) => c.id);
        expect(boxes.sort()).toEqual(expected.sort());
      }
    },
  );

  it('offers the networks of cdk.json in the contact form, after « Je ne sais pas »', () => {
    const options = [
      ...html(forms.contactMessage.page).matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g),
    ];

    expect(options.map(([, value, label]) => [value, label])).toEqual([
      ['', 'Je ne sais pas'],
      ...settings.networks.map((network) => [network.id, network.name]),
    ]);
  });

  it('never writes a staff mailbox into the site', () => {
    const files = readdirSync(siteDist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(`${entry.parentPath}/${entry.name}`, 'utf8'));
    const staff = [
      ...settings.networks.flatMap((network) => network.staffEmails),
      ...settings.national.staffEmails,
    ];

    expect(files.length).toBeGreaterThan(10);
    for (const address of staff)
      expect(
        files.some((content) => content.includes(address)),
        address,
      ).toBe(false);
  });
});

describe('what no built page may carry', () => {
  const pages = builtPages();

  it('has no placeholder left to fill: « [À compléter », class="todo"', () => {
    // Given every HTML file of the build
    expect(pages.length).toBeGreaterThan(10);

    // When each is searched for the marks of unfinished text
    const unfinished = pages.flatMap(({ file, html }) =>
      [/\[À compléter/i, /class="[^"]*\btodo\b/, /à compléter/i].flatMap((mark) =>
        mark.test(html) ? [`${file}: ${mark}`] : [],
      ),
    );

    // Then none is found
    expect(unfinished).toEqual([]);
  });

  it('links only icons the build has', () => {
    const icons = new Set(
      pages.flatMap(({ html }) =>
        [...html.matchAll(/<link\s[^>]*rel="(?:icon|apple-touch-icon)"[^>]*>/g)].map(
          ([tag]) => /\bhref="([^"]+)"/.exec(tag)?.[1] ?? '',
        ),
      ),
    );

    // The SVG for the browsers that take it, /favicon.ico for those that ask for it by name.
    expect([...icons].sort()).toEqual(['/apple-touch-icon.png', '/favicon.ico', '/favicon.svg']);
    for (const icon of icons) expect(existsSync(new URL(`.${icon}`, siteDist)), icon).toBe(true);
  });
});

describe('the public contacts of the settings', () => {
  const page = (path: string) => html(path);

  it('give every network’s operator, address, phone and e-mail on /reseaux/ and /contact/', () => {
    for (const path of ['/reseaux/', forms.contactMessage.page]) {
      for (const network of settings.networks) {
        const text = page(path);
        expect(text, `${path} ${network.id}`).toContain(network.operator);
        for (const line of network.contact.address) expect(text, `${path} ${line}`).toContain(line);
        expect(text).toContain(network.contact.phone.replaceAll(' ', '\u00a0'));
        expect(text).toContain(`href="mailto:${network.contact.email}"`);
      }
      expect(page(path)).toContain(`href="mailto:${settings.national.contact.email}"`);
    }
  });

  it('name the publisher and the host in the legal notice', () => {
    const notice = page('/mentions-legales/');
    const { publisher, host } = settings.legal;
    for (const person of [publisher, host]) {
      for (const value of [person.name, person.legalForm, person.registration, ...person.address]) {
        if (value) expect(notice, value).toContain(value);
      }
      expect(notice).toContain(person.phone.replaceAll(' ', '\u00a0'));
      if (person.email) expect(notice).toContain(`href="mailto:${person.email}"`);
    }
    expect(notice).toContain(publisher.publicationDirector);
  });
});

/**
 * The back office and the SME's status page: built as static pages (what they show comes from the
 * API, read by their scripts), never indexed, never in the sitemap, and within their byte budget.
 */
const unlisted = [
  { path: staffPages.inbox, title: 'Candidatures – Alizé' },
  { path: staffPages.application, title: 'Candidature – Alizé' },
  { path: staffPages.newApplication, title: 'Nouvelle candidature – Alizé' },
  { path: staffPages.committees, title: 'Comités – Alizé' },
  { path: staffPages.committee, title: 'Comité d’agrément – Alizé' },
  { path: staffPages.quarantine, title: 'Quarantaine – Alizé' },
  { path: staffPages.partners, title: 'Partenaires – Alizé' },
  { path: staffPages.partner, title: 'Entreprise partenaire – Alizé' },
  { path: staffPages.catalogue, title: 'Catalogue – Alizé' },
  { path: staffPages.partnerOffers, title: 'Propositions d’entreprises – Alizé' },
  { path: staffPages.person, title: 'Données d’une personne – Alizé' },
  { path: staffPages.mission, title: 'Mission – Alizé' },
  { path: staffPages.suppressions, title: 'Adresses bloquées – Alizé' },
  { path: staffPages.statistics, title: 'Statistiques – Alizé' },
  { path: statusPagePath, title: 'Suivre votre candidature – Alizé' },
  { path: outcomeFormPagePath, title: 'Le bilan de votre mission – Alizé' },
  { path: mailPreferencesPagePath, title: 'Vos courriels d’Alizé – Alizé' },
  { path: halfDayAnswerPagePath, title: 'Votre demi-journée a-t-elle eu lieu\u00a0? – Alizé' },
];
const publicUnlisted: string[] = [
  statusPagePath,
  outcomeFormPagePath,
  mailPreferencesPagePath,
  halfDayAnswerPagePath,
];
const backOffice = unlisted.filter(({ path }) => !publicUnlisted.includes(path));
const titleOf = (page: string) => /<title>([^<]*)<\/title>/.exec(page)?.[1];
const isNoindex = (page: string) => /<meta name="robots" content="noindex"/.test(page);

describe('the back office’s pages and the status page', () => {
  it('are every page of the back office', () => {
    expect(unlisted.map(({ path }) => path).sort()).toEqual(
      [...Object.values(staffPages), ...publicUnlisted].sort(),
    );
  });

  it.each(unlisted)('$path is built, not indexed, titled « $title »', ({ path, title }) => {
    // Given the page as the build wrote it
    const page = html(path);

    // Then it has its French title, asks not to be indexed and names no canonical address
    expect(titleOf(page)).toBe(title);
    expect(isNoindex(page)).toBe(true);
    expect(page).not.toContain('rel="canonical"');
  });

  it('are left out of the sitemap', () => {
    const listed = sitemapPaths();

    expect(listed.length).toBeGreaterThan(5);
    for (const { path } of unlisted) expect(listed, path).not.toContain(path);
  });

  it('the sitemap lists exactly the built pages that may be indexed', () => {
    // Given every built page, the 404 page and the unlisted ones included
    const pages = builtPages().filter(({ file }) => file.endsWith('index.html'));

    // Then a page is in the sitemap if and only if it does not ask to stay out of search engines
    const indexable = pages
      .filter(({ html: page }) => !isNoindex(page))
      .map(({ file }) => `/${file.replace(/index\.html$/, '')}`);
    expect(indexable.sort()).toEqual(sitemapPaths().sort());
  });

  it.each(backOffice)(
    '$path shows the back office’s menu and its sign-out, not the public menu',
    ({ path }) => {
      const page = html(path);

      expect(page).toContain('aria-label="Menu de l’espace équipe"');
      expect(page).not.toContain('aria-label="Menu principal"');
      for (const { href } of staffNav) expect(page, href).toContain(`href="${href}"`);
      // Shown by its script: without JavaScript there is no session to end.
      expect(page).toMatch(/<button id="se-deconnecter"[^>]*hidden/);
      expect(page).toMatch(/<noscript>[\s\S]*besoin de JavaScript[\s\S]*<\/noscript>/);
    },
  );

  it('the status page tells no other site its address, and explains itself without JavaScript', () => {
    const page = html(statusPagePath);

    expect(page).toContain('<meta name="referrer" content="no-referrer">');
    expect(page).toContain('aria-label="Menu principal"');
    const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(page)?.[1] ?? '';
    expect(noscript).toContain('besoin de JavaScript');
    expect(noscript).toContain('href="/contact/"');
    // The link form works only with its script: hidden until the script shows it.
    expect(page).toMatch(/<section id="nouveau-lien"[^>]*hidden/);
  });

  it('the quarantine page says what the functions do: the delay and the days kept', () => {
    const page = html(staffPages.quarantine);

    expect(page).toContain(`${minimumFillMilliseconds / 1000}&nbsp;secondes`);
    expect(page).toContain(`${quarantineRetentionDays}&nbsp;jours`);
  });
});

describe('what the back office’s pages load', () => {
  // The page, its styles and every script it may load; the API's answers come on top, within 150 KB.
  const backOfficeBudget = 120 * 1024;

  it.each(backOffice)('$path: HTML, CSS and all its JavaScript under 120 KB, raw', ({ path }) => {
    const assets = pageAssets(path);
    const total = assets.htmlBytes + assets.cssBytes + assets.allBytes;

    expect(total, `${path}: ${assets.all.join(', ')}`).toBeLessThan(backOfficeBudget);
  });

  it('only the back office loads the staff session: no public page, the status page included', () => {
    const loadsSession = (path: string) => pageAssets(path).all.some((name) => name.startsWith('session.'));
    const pages = builtPages()
      .filter(({ file }) => file.endsWith('index.html'))
      .map(({ file }) => `/${file.replace(/index\.html$/, '')}`);

    for (const { path } of backOffice) expect(loadsSession(path), path).toBe(true);
    for (const path of pages.filter((p) => !p.startsWith('/espace-equipe/'))) {
      expect(loadsSession(path), path).toBe(false);
    }
  });

  it('the status page, public, weighs a fraction of the public 100 KB budget', () => {
    const assets = pageAssets(statusPagePath);

    expect(assets.htmlBytes + assets.cssBytes + assets.allBytes).toBeLessThan(50 * 1024);
  });
});
