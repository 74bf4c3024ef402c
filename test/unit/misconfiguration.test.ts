import { describe, expect, it } from 'vitest';

describe('a function deployed with a broken environment', () => {
  it('answers a 500 about our side, never a 400 asking the visitor to fix their input', async () => {
    // Given a deployment that forgot the networks (this file runs in its own process)
    delete process.env.NETWORKS;
    Object.assign(process.env, {
      DATA_TABLE_NAME: 'alize-data',
      MAIL_FROM: 'Alizé <ne-pas-repondre@alize.example.org>',
      NATIONAL_CONTACT_EMAIL: 'contact@alize.example.org',
      SITE_URL: 'https://alize.example.org',
      FORM_RATE_LIMIT_PER_HOUR: '20',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    });
    const { handler } = await import('../../functions/handlers/get-catalogue.ts');

    // When a visitor asks for the catalogue
    const answer = await handler(
      {
        version: '2.0',
        routeKey: 'GET /api/catalogue',
        rawPath: '/api/catalogue',
        rawQueryString: '',
        headers: {},
        isBase64Encoded: false,
        requestContext: { http: { method: 'GET', path: '/api/catalogue' } },
      } as never,
      { getRemainingTimeInMillis: () => 5000, functionName: 'get-catalogue', awsRequestId: 'test' } as never,
    );

    // Then the answer blames no one but us, in French
    expect(answer.statusCode).toBe(500);
    const body = JSON.parse(String(answer.body));
    expect(body.error).toBe('internal_error');
    expect(body.message).toMatch(/de notre côté/);
    expect(JSON.stringify(body)).not.toContain('NETWORKS');
  });
});
