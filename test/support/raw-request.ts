import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { LocalCloud } from '../../infra/local/cloud.ts';

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * Requests sent byte for byte to the local front: fetch would normalise the path (`..`, `%2e`) and
 * re-encode the body, which is what these tests are about.
 */
export const rawRequester =
  (cloud: () => LocalCloud) =>
  (
    path: string,
    body: Buffer | string | undefined,
    headers: Record<string, string>,
    method = body === undefined ? 'GET' : 'POST',
  ) =>
    new Promise<RawAnswer>((resolve, reject) => {
      const url = new URL(cloud().urls.site);
      const request = httpRequest(
        { host: url.hostname, port: url.port, path, method, headers: { ...headers, connection: 'close' } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
