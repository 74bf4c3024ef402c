import { describe, expect, it } from 'vitest';
import { fromResult, matchRoute } from '../../infra/local/api-gateway.ts';
import { fallbackRoute, routes } from '../../shared/routes.ts';
import { schedules } from '../../shared/schedules.ts';

describe('the local API gateway', () => {
  it('sends a declared route to its handler and anything else to the fallback', () => {
    expect(matchRoute('GET', '/api/catalogue')).toMatchObject({
      handler: 'get-catalogue',
      routeKey: 'GET /api/catalogue',
    });
    expect(matchRoute('POST', '/api/catalogue')).toMatchObject({
      handler: fallbackRoute.handler,
      routeKey: '$default',
    });
    expect(matchRoute('GET', '/api/catalogue/extra')).toMatchObject({ handler: fallbackRoute.handler });
  });

  it('answers a bare object as JSON with status 200, as payload 2.0 does', () => {
    const answer = fromResult({ hello: 'monde' });

    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(JSON.parse(answer.body.toString())).toEqual({ hello: 'monde' });
  });

  it('decodes a base64 body the function marked as such', () => {
    const answer = fromResult({
      statusCode: 201,
      body: Buffer.from('été').toString('base64'),
      isBase64Encoded: true,
    });

    expect(answer.statusCode).toBe(201);
    expect(answer.body.toString('utf8')).toBe('été');
  });
});

describe('every function the route table and the schedules name', () => {
  const handlers = [
    ...routes.map((r) => r.handler),
    fallbackRoute.handler,
    ...schedules.map((s) => s.handler),
  ];

  it.each(handlers)('%s exists and exports a handler', async (name) => {
    const module = await import(`../../functions/handlers/${name}.ts`);

    expect(typeof module.handler).toBe('function');
  });

  it('declares each route once', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);

    expect(new Set(keys).size).toBe(keys.length);
  });
});
