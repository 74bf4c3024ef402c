import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

/**
 * CloudFront's automatic compression, for the local front: what a visitor's browser receives in AWS,
 * byte for byte close enough to weigh pages as transferred. The rules are CloudFront's own
 * (Developer Guide, « Serve compressed files »):
 * - only when the behaviour compresses and its cache policy enables gzip and/or Brotli (here: every
 *   behaviour but the staff API's, infra/constructs/site.ts);
 * - only when the viewer's `Accept-Encoding` names gzip or br, Brotli preferred, never over HTTP/1.0;
 * - only for the content types of CloudFront's list, with a `Content-Length` between 1,000 and
 *   10,000,000 bytes, and no `Content-Encoding` from the origin;
 * - a strong `ETag` becomes weak, since the compressed body is not the origin's bytes.
 * CloudFront does not publish its levels: zlib's default for gzip, a middling Brotli quality, as
 * on-the-fly compression would use (not the maximum a build step would afford).
 */

export type Encoding = 'br' | 'gzip';

/** CloudFront's list of compressed content types (the parameters after `;` do not count). */
export const compressedTypes: ReadonlySet<string> = new Set([
  'application/dash+xml',
  'application/eot',
  'application/font',
  'application/font-sfnt',
  'application/javascript',
  'application/json',
  'application/opentype',
  'application/otf',
  'application/pkcs7-mime',
  'application/protobuf',
  'application/rss+xml',
  'application/truetype',
  'application/ttf',
  'application/vnd.apple.mpegurl',
  'application/vnd.ms-fontobject',
  'application/xhtml+xml',
  'application/xml',
  'application/x-font-opentype',
  'application/x-font-truetype',
  'application/x-font-ttf',
  'application/x-httpd-cgi',
  'application/x-javascript',
  'application/x-mpegurl',
  'application/x-opentype',
  'application/x-otf',
  'application/x-perl',
  'application/x-ttf',
  'font/eot',
  'font/opentype',
  'font/otf',
  'font/ttf',
  'image/svg+xml',
  'text/css',
  'text/csv',
  'text/html',
  'text/javascript',
  'text/js',
  'text/plain',
  'text/richtext',
  'text/tab-separated-values',
  'text/xml',
  'text/x-component',
  'text/x-java-source',
  'text/x-script',
  'vnd.apple.mpegurl',
]);

export const minCompressedBytes = 1_000;
export const maxCompressedBytes = 10_000_000;

/** The encoding CloudFront would answer with for this `Accept-Encoding`: Brotli first, then gzip. */
export const negotiateEncoding = (acceptEncoding: string | string[] | undefined): Encoding | undefined => {
  const accepted = new Map<string, number>();
  for (const part of [acceptEncoding ?? ''].flat().join(',').split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const allows = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return undefined;
};

const headerText = (value: number | string | string[] | undefined) =>
  value === undefined ? undefined : [value].flat().join(', ');

/** Whether CloudFront would compress an answer with these headers (the request aside). */
export const isCompressible = (headers: {
  contentType?: string;
  contentLength?: number;
  contentEncoding?: string;
}): boolean => {
  const type = headers.contentType?.split(';')[0]?.trim().toLowerCase();
  const length = headers.contentLength;
  return (
    type !== undefined &&
    compressedTypes.has(type) &&
    length !== undefined &&
    Number.isInteger(length) &&
    length >= minCompressedBytes &&
    length <= maxCompressedBytes &&
    !headers.contentEncoding
  );
};

const encoder = (encoding: Encoding) =>
  encoding === 'br'
    ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : createGzip({ level: 6 });

const addVary = (response: ServerResponse) => {
  const vary = headerText(response.getHeader('vary'));
  if (!vary) response.setHeader('vary', 'Accept-Encoding');
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) {
    response.setHeader('vary', `${vary}, Accept-Encoding`);
  }
};

/**
 * Makes `response` compress its body, when it starts, as CloudFront would for `request`. Works for
 * whatever writes the answer (sirv's piped file, a buffered API answer): the decision is taken at
 * `writeHead`, once the headers are known, as CloudFront decides on the origin's headers.
 */
export const compressAsCloudFront = (request: IncomingMessage, response: ServerResponse): void => {
  // CloudFront drops Accept-Encoding from an HTTP/1.0 request; a HEAD answer has no body to compress.
  if (request.httpVersion === '1.0' || request.method === 'HEAD') return;
  const encoding = negotiateEncoding(request.headers['accept-encoding']);

  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    const statusMessage = typeof rest[0] === 'string' ? rest[0] : undefined;
    const given = (typeof rest[0] === 'string' ? rest[1] : rest[0]) as
      | OutgoingHttpHeaders
      | (string | string[])[]
      | undefined;
    // Headers handed to writeHead join those already set, so the decision sees them all.
    if (Array.isArray(given)) {
      for (let index = 0; index + 1 < given.length; index += 2) {
        response.setHeader(String(given[index]), given[index + 1] as string | string[]);
      }
    } else if (given) {
      for (const [name, value] of Object.entries(given)) {
        if (value !== undefined) response.setHeader(name, value);
      }
    }
    const contentLength = Number(headerText(response.getHeader('content-length')));
    const compressible =
      statusCode !== 204 &&
      statusCode !== 206 &&
      statusCode !== 304 &&
      isCompressible({
        contentType: headerText(response.getHeader('content-type')),
        contentLength,
        contentEncoding: headerText(response.getHeader('content-encoding')),
      });
    // The body depends on Accept-Encoding whenever it could have been compressed, sent so or not.
    if (compressible) addVary(response);
    if (compressible && encoding) {
      response.removeHeader('content-length');
      response.setHeader('content-encoding', encoding);
      const etag = headerText(response.getHeader('etag'));
      if (etag?.startsWith('"')) response.setHeader('etag', `W/${etag}`);
      else if (etag && !etag.startsWith('W/')) response.removeHeader('etag');
      pipeThrough(response, encoder(encoding));
    }
    // The headers are set on the response by now: the status (and its message) is all left to write.
    return (writeHead as (code: number, message?: string) => ServerResponse).call(
      this,
      statusCode,
      statusMessage,
    );
  } as ServerResponse['writeHead'];
};

/** From now on, what is written to `response` goes through `stream`, and what it yields to the socket. */
const pipeThrough = (response: ServerResponse, stream: ReturnType<typeof encoder>) => {
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  stream.on('data', (chunk: Buffer) => write(chunk));
  stream.on('end', () => end());
  // A piped file waits for `drain` on the response when a write says « full »: the encoder's drain.
  stream.on('drain', () => response.emit('drain'));
  stream.on('error', () => response.destroy());
  type Callback = (error?: Error | null) => void;
  response.write = ((chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) => {
    const done = (typeof encodingOrCallback === 'function' ? encodingOrCallback : callback) as
      | Callback
      | undefined;
    const encoding = typeof encodingOrCallback === 'string' ? (encodingOrCallback as BufferEncoding) : 'utf8';
    return stream.write(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk, done);
  }) as ServerResponse['write'];
  response.end = ((chunk?: unknown, encodingOrCallback?: unknown, callback?: unknown) => {
    const done = [chunk, encodingOrCallback, callback].find((value) => typeof value === 'function') as
      | (() => void)
      | undefined;
    if (done) response.once('finish', done);
    const encoding = typeof encodingOrCallback === 'string' ? (encodingOrCallback as BufferEncoding) : 'utf8';
    if (typeof chunk === 'string') stream.end(Buffer.from(chunk, encoding));
    else if (chunk && typeof chunk !== 'function') stream.end(chunk);
    else stream.end();
    return response;
  }) as ServerResponse['end'];
};
