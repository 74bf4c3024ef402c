import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { backOfficeConfigPath } from '../../shared/staff.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';
import { bearer, staffTokens } from '../support/staff-tokens.ts';

/**
 * The local front compresses as CloudFront does (infra/local/compression.ts), so that pages weigh
 * here what they weigh in AWS: Brotli or gzip as the browser asks, for text types of 1,000 bytes or
 * more, `Vary: Accept-Encoding`; the bytes as they are otherwise; the staff API never, since its
 * cache policy enables no compression. Requests sent with node:http, which decodes nothing.
 */
const cloud = givenLocalCloud();

interface Received {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes on the wire. */
  body: Buffer;
}

const get = (path: string, headers: Record<string, string> = {}) =>
  new Promise<Received>((resolve, reject) => {
    const url = new URL(cloud().urls.site);
    const request = httpRequest(
      { host: url.hostname, port: url.port, path, headers: { ...headers, connection: 'close' } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });

const decoded = ({ headers, body }: Received) => {
  if (headers['content-encoding'] === 'br') return brotliDecompressSync(body);
  if (headers['content-encoding'] === 'gzip') return gunzipSync(body);
  return body;
};

const chromiumAsks = { 'accept-encoding': 'gzip, deflate, br, zstd' };

describe('a page, a style sheet, a script, the 404 page and a public API answer', () => {
  const cases = async () => {
    const home = await get('/');
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(home.body.toString())?.[1];
    const form = await get('/candidater/');
    const script = /src="(\/_astro\/[^"]+\.js)"/.exec(form.body.toString())?.[1];
    expect(css, 'the home page links no style sheet').toBeDefined();
    expect(script, 'the application form loads no script').toBeDefined();
    return ['/', css ?? '', script ?? '', '/page-qui-n-existe-pas/', '/api/catalogue'];
  };

  it('come in Brotli to a browser that takes it, the same bytes once decoded, smaller', async () => {
    for (const path of await cases()) {
      // Given what the front sends to a client that asks for no compression
      const plain = await get(path);
      expect(plain.body.length, path).toBeGreaterThanOrEqual(1000);

      // When a browser that accepts Brotli and gzip asks
      const answer = await get(path, chromiumAsks);

      // Then it gets Brotli, saying so and that the answer varies on Accept-Encoding
      expect(answer.status, path).toBe(plain.status);
      expect(answer.headers['content-encoding'], path).toBe('br');
      expect(answer.headers.vary, path).toMatch(/Accept-Encoding/i);
      expect(answer.headers['content-length'], path).toBeUndefined();
      // And the decoded bytes are the page's, in fewer bytes on the wire
      expect(decoded(answer).equals(plain.body), path).toBe(true);
      expect(answer.body.length, path).toBeLessThan(plain.body.length);
    }
  });

  it('come in gzip to a client that takes only gzip', async () => {
    for (const path of await cases()) {
      const plain = await get(path);
      const answer = await get(path, { 'accept-encoding': 'gzip' });
      expect(answer.headers['content-encoding'], path).toBe('gzip');
      expect(answer.headers.vary, path).toMatch(/Accept-Encoding/i);
      expect(decoded(answer).equals(plain.body), path).toBe(true);
    }
  });

  it('come as they are, with their length, to a client that asks for no compression', async () => {
    for (const path of await cases()) {
      const refusals: Record<string, string>[] = [
        {},
        { 'accept-encoding': 'identity' },
        { 'accept-encoding': 'br;q=0, gzip;q=0' },
      ];
      for (const headers of refusals) {
        const answer = await get(path, headers);
        expect(answer.headers['content-encoding'], path).toBeUndefined();
        expect(Number(answer.headers['content-length']), path).toBe(answer.body.length);
        // Still marked as varying: a shared cache must not give these bytes to a browser that asked for Brotli
        expect(answer.headers.vary, path).toMatch(/Accept-Encoding/i);
      }
    }
  });

  it('keep the page’s weak ETag, so that a revalidation matches whichever encoding was cached', async () => {
    const plain = await get('/');
    const answer = await get('/', chromiumAsks);
    expect(plain.headers.etag).toMatch(/^W\//);
    expect(answer.headers.etag).toBe(plain.headers.etag);
  });
});

describe('what CloudFront leaves as it is', () => {
  it('a body under 1,000 bytes, even to a browser that takes Brotli', async () => {
    for (const path of ['/robots.txt', backOfficeConfigPath, '/api/route-qui-n-existe-pas']) {
      const answer = await get(path, chromiumAsks);
      expect(answer.body.length, path).toBeLessThan(1000);
      expect(answer.headers['content-encoding'], path).toBeUndefined();
      expect(Number(answer.headers['content-length']), path).toBe(answer.body.length);
    }
  });

  it('a type CloudFront does not compress (the icon)', async () => {
    const answer = await get('/favicon.ico', chromiumAsks);
    expect(answer.body.length).toBeGreaterThanOrEqual(1000);
    expect(answer.headers['content-type']).toBe('image/x-icon');
    expect(answer.headers['content-encoding']).toBeUndefined();
  });

  it('a staff API answer, whose cache policy enables no compression', async () => {
    const token = await staffTokens(cloud().issuer).access('nadia.roussel@astrees.example.org');
    const answer = await get('/api/staff/competences', { ...chromiumAsks, ...bearer(token) });
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBeGreaterThanOrEqual(1000);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(JSON.parse(answer.body.toString())).toBeTypeOf('object');
  });

  it('a revalidated page (304): no body, nothing to compress', async () => {
    const { headers } = await get('/');
    const answer = await get('/', { ...chromiumAsks, 'if-none-match': String(headers.etag) });
    expect(answer.status).toBe(304);
    expect(answer.body.length).toBe(0);
    expect(answer.headers['content-encoding']).toBeUndefined();
  });
});
