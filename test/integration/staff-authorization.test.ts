import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiRequestRecord } from '../../infra/local/front.ts';
import { type RouteDefinition, routeKey, routes } from '../../shared/routes.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';
import { bearer, brokenTokens, staffTokens } from '../support/staff-tokens.ts';

/**
 * The authorization matrix: every `access: 'staff'` route of shared/routes.ts (a new one is covered
 * by being declared), called over HTTP through the local front, which checks tokens as API
 * Gateway's JWT authorizer does. A refused token never reaches the function.
 */
const records: ApiRequestRecord[] = [];
const cloud = givenLocalCloud({ onApiRequest: (record) => records.push(record) });
beforeEach(() => {
  records.length = 0;
});

const staffRoutes = (routes as readonly RouteDefinition[]).filter((route) => route.access === 'staff');
const publicRoutes = (routes as readonly RouteDefinition[]).filter((route) => route.access === 'public');

/** The path a client calls: a placeholder for each `{parameter}`. */
const pathOf = (route: RouteDefinition) => route.path.replace(/\{\w+\}/g, 'exemple');

const call = (route: RouteDefinition, headers: Record<string, string>) =>
  fetch(`${cloud().urls.site}${pathOf(route)}`, {
    method: route.method,
    headers: {
      accept: 'application/json',
      ...headers,
      ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }),
    },
    ...(route.method === 'GET' ? {} : { body: '{}' }),
  });

const invoked = (route: RouteDefinition) =>
  records.filter((record) => record.routeKey === routeKey(route)).every((record) => record.invoked);

const claire = 'claire.bernard@initiative-indre.example.org';
/**
 * The national coordination's own routes (the blocked addresses) answer a network's staff 404
 * themselves, after the authorizer let them through: asked with the coordination's token here.
 */
const accountFor = (route: { path: string }) =>
  route.path.startsWith('/api/staff/suppressions') ? 'nadia.roussel@astrees.example.org' : claire;

describe('every staff route', () => {
  it('is there to check', () => {
    expect(staffRoutes.length).toBeGreaterThan(0);
  });

  describe.each(staffRoutes.map((route) => [routeKey(route), route] as const))('%s', (_key, route) => {
    it.each(brokenTokens)('answers 401 to %s, as API Gateway, without running the function', async (kind) => {
      // Given a token the authorizer must refuse
      const token = await staffTokens(cloud().issuer).broken(kind);

      // When the route is called with it
      const response = await call(route, bearer(token));

      // Then API Gateway's own answer, and the function never ran
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: 'Unauthorized' });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
      expect(records).toEqual([expect.objectContaining({ routeKey: routeKey(route), invoked: false })]);
    });

    it('says why a token for another app client is refused, as API Gateway does', async () => {
      const token = await staffTokens(cloud().issuer).broken('other audience');

      const response = await call(route, bearer(token));

      expect(response.headers.get('www-authenticate')).toBe(
        'Bearer scope="openid" error="invalid_token" error_description="the token does not have a valid audience"',
      );
    });

    it('answers 403 to an ID token, which carries no scope, without running the function', async () => {
      const response = await call(route, bearer(await staffTokens(cloud().issuer).id(claire)));

      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ message: 'Forbidden' });
      expect(invoked(route)).toBe(false);
    });

    it('lets a staff member’s access token through to the function', async () => {
      const response = await call(route, bearer(await staffTokens(cloud().issuer).access(accountFor(route))));

      expect(response.status).not.toBe(401);
      expect(response.status).not.toBe(403);
      expect(records).toEqual([expect.objectContaining({ routeKey: routeKey(route), invoked: true })]);
    });

    it('takes the token without its « Bearer » prefix too, as API Gateway does', async () => {
      const token = await staffTokens(cloud().issuer).access(claire);

      const response = await call(route, { authorization: token });

      expect(response.status).not.toBe(401);
      expect(invoked(route)).toBe(true);
    });
  });
});

describe('GET /api/staff/me', () => {
  const me = async (token: string) => {
    const response = await fetch(`${cloud().urls.site}/api/staff/me`, { headers: bearer(token) });
    return { response, body: (await response.json()) as Record<string, unknown> };
  };

  it('names a network’s staff member and gives their network as scope', async () => {
    const { response, body } = await me(await staffTokens(cloud().issuer).access(claire));

    expect(response.status).toBe(200);
    expect(body).toEqual({
      name: claire,
      scope: { kind: 'network', network: 'indre' },
      networks: [{ id: 'indre', name: 'Alizé Indre' }],
    });
  });

  it('reads the other network’s staff member in their own network', async () => {
    const { body } = await me(
      await staffTokens(cloud().issuer).access('paul.girard@cher-entreprendre.example.org'),
    );

    expect(body.scope).toEqual({ kind: 'network', network: 'cher' });
  });

  it('gives the national coordination every network', async () => {
    const { response, body } = await me(
      await staffTokens(cloud().issuer).access('nadia.roussel@astrees.example.org'),
    );

    expect(response.status).toBe(200);
    expect(body).toEqual({
      name: 'nadia.roussel@astrees.example.org',
      scope: { kind: 'national' },
      networks: [
        { id: 'indre', name: 'Alizé Indre' },
        { id: 'cher', name: 'Alizé Cher' },
      ],
    });
  });

  it('answers 401 in French to a valid token whose groups name no network of this deployment', async () => {
    const { response, body } = await me(await staffTokens(cloud().issuer).withGroups(['paris']));

    expect(response.status).toBe(401);
    expect(body).toEqual({
      error: 'no_network',
      message: expect.stringContaining('n’est rattaché à aucun réseau Alizé\u00a0:'),
    });
    // The authorizer let it through: the function itself refused.
    expect(records).toEqual([expect.objectContaining({ invoked: true, statusCode: 401 })]);
  });

  it('answers 401 in French to a valid token with no group at all', async () => {
    const { response, body } = await me(await staffTokens(cloud().issuer).withGroups([]));

    expect(response.status).toBe(401);
    expect(body.error).toBe('no_network');
  });
});

describe('public routes', () => {
  it.each(publicRoutes.map((route) => [routeKey(route), route] as const))(
    '%s runs no authorizer, whatever Authorization header comes',
    async (_key, route) => {
      const response = await call(route, { authorization: 'Bearer ceci-n-est-pas-un-jeton' });

      expect(response.status).not.toBe(401);
      expect(invoked(route)).toBe(true);
    },
  );
});
