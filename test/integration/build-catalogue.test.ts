import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSettingsFile } from '../../infra/config.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';
import { staffApi } from '../support/staff-tokens.ts';

/**
 * The no-JavaScript pages list the catalogue the site's build read (site/src/lib/build-data.ts): with
 * ALIZE_CATALOGUE_URL, a deployment's live `GET /api/catalogue`, so that a competence staff added in
 * the back office is on the static catalogue and the form's boxes after the next build, with no code
 * change; and a build whose address does not answer fails rather than ship the demo catalogue.
 */
const cloud = givenLocalCloud({ settings: readSettingsFile() });
const claire = 'claire.bernard@initiative-indre.example.org';

/** build-data.ts reads once per build: each case loads it afresh, as a new build would. */
const freshBuild = async (catalogueUrl: string) => {
  process.env.ALIZE_CATALOGUE_URL = catalogueUrl;
  vi.resetModules();
  return import('../../site/src/lib/build-data.ts');
};

afterEach(() => {
  delete process.env.ALIZE_CATALOGUE_URL;
});

describe('the catalogue the site’s build reads', () => {
  it('is the live one: a competence added in the back office is listed under its network and category', async () => {
    // Given Claire adding a competence for Indre in the back office
    const added = await staffApi(cloud)(claire, 'POST', '/api/staff/competences', {
      category: 'finance',
      label: 'Bâtir un plan de trésorerie',
      description: 'Prévoir les encaissements et les décaissements des douze prochains mois.',
      partnerIds: ['indre-aero'],
    });
    expect(added.status).toBe(201);

    // When the site is built against the deployment's catalogue
    const build = await freshBuild(`${cloud().urls.site}/api/catalogue`);
    const sections = await build.catalogueByNetwork();

    // Then Indre's section lists it in its category, with its partner, and Cher's does not
    const indre = sections.find((section) => section.network.id === 'indre');
    const finance = indre?.categories.find((group) => group.id === 'finance');
    expect(finance?.competences.map((c) => c.label)).toContain('Bâtir un plan de trésorerie');
    const cher = sections.find((section) => section.network.id === 'cher');
    expect(cher?.categories.flatMap((group) => group.competences.map((c) => c.label))).not.toContain(
      'Bâtir un plan de trésorerie',
    );
  });

  it('fails the build when the address does not answer a catalogue, rather than ship the demo one', async () => {
    const build = await freshBuild(`${cloud().urls.site}/api/pas-de-catalogue`);
    await expect(build.buildCatalogue()).rejects.toThrow(/ALIZE_CATALOGUE_URL: .* answered HTTP 404/);
  });
});
