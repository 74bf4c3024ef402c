import { describe, expect, it } from 'vitest';
import { readSettingsFile } from '../../infra/config.ts';
import type { ApiError } from '../../shared/api-errors.ts';
import type { CatalogueResponse } from '../../shared/catalogue.ts';
import { competenceCategories } from '../../shared/catalogue.ts';
import { contentSecurityPolicy } from '../../shared/security-headers.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';

const cloud = givenLocalCloud();

const getJson = async <T>(path: string, init?: RequestInit) => {
  const response = await fetch(`${cloud().urls.site}${path}`, init);
  return { response, body: (await response.json()) as T };
};

describe('GET /api/catalogue through the local front', () => {
  it('answers every network’s seeded catalogue, read from DynamoDB', async () => {
    const { response, body } = await getJson<CatalogueResponse>('/api/catalogue');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(body.networks.map((n) => n.id)).toEqual(['indre', 'cher']);
    expect(body.competences.filter((c) => c.network === 'indre')).toHaveLength(32);
    expect(body.competences.filter((c) => c.network === 'cher').length).toBeGreaterThan(0);
  });

  it('shows each network’s public contact, never its staff mailboxes', async () => {
    const { body } = await getJson<CatalogueResponse>('/api/catalogue');

    const json = JSON.stringify(body);
    expect(json).not.toMatch(/staffEmails/);
    for (const network of readSettingsFile().networks) {
      for (const address of network.staffEmails) expect(json).not.toContain(address);
      expect(body.networks.find((n) => n.id === network.id)?.contact).toEqual(network.contact);
    }
  });

  it('lists competences category by category, in the order the site shows them', async () => {
    const { body } = await getJson<CatalogueResponse>('/api/catalogue?network=indre');

    const order = competenceCategories.map((c) => c.id as string);
    const ranks = body.competences.map((c) => order.indexOf(c.category));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(body.competences.map((c) => c.category)).size).toBeGreaterThanOrEqual(6);
  });

  it('narrows to one network when asked', async () => {
    const { response, body } = await getJson<CatalogueResponse>('/api/catalogue?network=cher');

    expect(response.status).toBe(200);
    expect(body.networks).toEqual([expect.objectContaining({ id: 'cher', name: 'Alizé Cher' })]);
    expect(body.competences.every((c) => c.network === 'cher')).toBe(true);
  });

  it('answers 404 in French for a network that does not exist', async () => {
    const { response, body } = await getJson<ApiError>('/api/catalogue?network=paris');

    expect(response.status).toBe(404);
    expect(body).toEqual({
      error: 'unknown_network',
      message: expect.stringContaining('«\u00a0paris\u00a0»'),
    });
  });

  it('answers 400 naming the field when the network is malformed', async () => {
    const { response, body } = await getJson<ApiError>('/api/catalogue?network=%3Cscript%3E');

    expect(response.status).toBe(400);
    expect(body.errors).toEqual([{ field: 'network', message: expect.stringMatching(/minuscules/) }]);
  });

  it('answers 405 with the allowed method for a wrong method', async () => {
    const { response, body } = await getJson<ApiError>('/api/catalogue', { method: 'DELETE' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(body.message).toMatch(/n’accepte que GET/);
  });

  it('answers 404 as JSON for an API path that does not exist', async () => {
    const { response, body } = await getJson<ApiError>('/api/nothing-here');

    expect(response.status).toBe(404);
    expect(body.error).toBe('not_found');
  });
});

describe('the rest of the local cloud', () => {
  it('serves the built site on the same origin as the API', async () => {
    const response = await fetch(`${cloud().urls.site}/`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('lang="fr"');
  });

  it('answers the site’s own 404 page for a missing page', async () => {
    const response = await fetch(`${cloud().urls.site}/page-qui-n-existe-pas`);

    expect(response.status).toBe(404);
    expect(await response.text()).toContain('lang="fr"');
  });

  it('sends the same security headers as CloudFront, on pages and API answers', async () => {
    for (const path of ['/', '/api/catalogue']) {
      const response = await fetch(`${cloud().urls.site}${path}`);

      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('runs the SES mail viewer', async () => {
    const response = await fetch(cloud().urls.mailViewer);

    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<html/i);
  });
});

describe('what CloudFront may keep of the public API', () => {
  it('lets only the catalogue be kept, a minute; every other public GET says no-store', async () => {
    // Given every public GET route, called as a visitor with a stale link would
    const { routes } = await import('../../shared/routes.ts');
    const publicGets = routes.filter((route) => route.access === 'public' && route.method === 'GET');
    expect(publicGets.length).toBeGreaterThan(4);
    for (const route of publicGets) {
      const response = await fetch(`${cloud().urls.site}${route.path}?t=eyJhbGciOiJIUzI1NiJ9.e30.stale`);
      await response.arrayBuffer();
      // Then the answer tells CloudFront (its /api/* cache policy honours Cache-Control) what it may keep
      expect(response.headers.get('cache-control'), route.path).toBe(
        route.path === '/api/catalogue' ? 'public, max-age=60' : 'no-store',
      );
    }
  });
});
