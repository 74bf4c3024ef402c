import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { readSettingsFile } from '../../infra/config.ts';
import { applicationSchema } from '../../shared/application.ts';
import { contactMessageSchema } from '../../shared/contact-message.ts';
import { demoCatalogue } from '../../shared/demo-catalogue.ts';
import { fieldId, forms } from '../../shared/forms.ts';
import { partnerOfferSchema } from '../../shared/partner-offer.ts';
import { backOfficePath } from '../../shared/staff.ts';
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

describe('the back office in the build', () => {
  const backOfficePages = builtPages().filter(({ file }) => `/${file}`.startsWith(backOfficePath));

  it('has its home and its sign-in callback', () => {
    expect(backOfficePages.map(({ file }) => file).sort()).toEqual([
      'espace-equipe/connexion/index.html',
      'espace-equipe/index.html',
    ]);
  });

  it('keeps them out of search engines and out of the sitemap', () => {
    for (const { file, html } of backOfficePages) {
      expect(html, file).toContain('<meta name="robots" content="noindex">');
      expect(html, file).not.toContain('rel="canonical"');
    }
    expect(sitemapPaths().filter((path) => path.startsWith(backOfficePath))).toEqual([]);
    expect(sitemapPaths().length).toBeGreaterThan(5);
  });
});
