import { createHash } from 'node:crypto';
import { edgeSecretHeader } from '../../shared/edge-secret.ts';
import { formEntriesToObject } from '../../shared/form-data.ts';
import { idempotencyHeader, maxFormBodyBytes } from '../../shared/forms.ts';
import { HttpError } from './errors.ts';
import type { HttpEvent } from './middy.ts';

/**
 * Reading a form post, whoever sends it: the enhanced page (JSON) or a browser without JavaScript
 * (url-encoded). Headers are already lower-cased (http-header-normalizer).
 */
export type AnswerFormat = 'json' | 'html';

const mediaType = (header: string | undefined) => header?.split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * A browser's own form post gets an HTML page; a script (the enhanced form asks for JSON) gets JSON.
 * Anything else follows Accept, so a browser posting the wrong encoding still reads a French page.
 */
export const answerFormat = (event: HttpEvent): AnswerFormat => {
  const accept = event.headers.accept?.toLowerCase() ?? '';
  if (accept.includes('application/json') && !accept.includes('text/html')) return 'json';
  const type = mediaType(event.headers['content-type']);
  if (type === 'application/x-www-form-urlencoded') return 'html';
  if (type === 'application/json') return 'json';
  return accept.includes('text/html') ? 'html' : 'json';
};

const rawBody = (event: HttpEvent): Buffer =>
  Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');

export interface FormRequest {
  fields: Record<string, unknown>;
  /** What makes two posts "the same submission": the page's key, or else the exact body. */
  idempotencyKey: string;
  /** The exact body's hash: the same key sent again with another body is refused (422). */
  bodyHash: string;
}

const notUtf8 = () =>
  new HttpError(
    400,
    'invalid_encoding',
    'Votre envoi contient des caractères illisibles\u00a0: un formulaire s’envoie encodé en UTF-8. Si vous avez collé du texte venu d’un autre document, retapez les lettres accentuées, puis renvoyez-le.',
  );

const malformed = () =>
  new HttpError(
    400,
    'malformed_body',
    'Le contenu envoyé n’a pas pu être lu\u00a0: il doit décrire un seul formulaire, en JSON valide.',
  );

/** The `charset` a Content-Type declares, lower case, if any. */
const declaredCharset = (header: string | undefined): string | undefined =>
  /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(header ?? '')?.[1]?.toLowerCase();

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body as text, provably UTF-8: bytes that are not (overlong forms and encoded surrogates
 * included) are refused, and so is U+FFFD, which is what a gateway that decoded such bytes for us
 * leaves in their place.
 */
const bodyText = (body: Buffer): string => {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw notUtf8();
  }
  if (text.includes('\ufffd')) throw notUtf8();
  return text;
};

// A plain decimal integer, as JSON allows it: `1e3`, `12.0` and `-0` are numbers to JSON.parse, not to a person.
const plainInteger = /^(?:0|-?[1-9]\d*)$/;

/**
 * JSON as the forms read it: a number token written with an exponent or a fraction is kept as its
 * source text, so the field's own rule refuses it by name; a string holding a lone surrogate (`"\ud800"`)
 * is not UTF-8 text and refuses the whole body.
 */
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text, (key, value: unknown, context?: { source?: string }) => {
      if (!key.isWellFormed() || (typeof value === 'string' && !value.isWellFormed())) throw notUtf8();
      if (typeof value === 'number' && context?.source !== undefined && !plainInteger.test(context.source)) {
        return context.source;
      }
      return value;
    });
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw malformed();
  }
};

/** `a=1&b=%C3%A9`, strictly: a percent sequence that does not decode to UTF-8 refuses the body. */
const parseUrlEncoded = (text: string): [string, string][] => {
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part.replaceAll('+', ' '));
    } catch {
      throw notUtf8();
    }
  };
  return text
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.indexOf('=');
      return at === -1 ? [decode(pair), ''] : [decode(pair.slice(0, at)), decode(pair.slice(at + 1))];
    });
};

const tooLarge = () =>
  new HttpError(
    413,
    'payload_too_large',
    `Votre envoi dépasse ${maxFormBodyBytes / 1024}\u00a0Ko, la taille maximale d’un formulaire\u00a0: raccourcissez les textes les plus longs, puis renvoyez-le.`,
  );

const refuseCharset = (header: string | undefined) => {
  const charset = declaredCharset(header);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new HttpError(
      415,
      'unsupported_charset',
      `Ce formulaire s’envoie encodé en UTF-8, et votre envoi se déclare en ${charset}\u00a0: envoyez-le en UTF-8.`,
    );
  }
};

const asObject = (fields: unknown): Record<string, unknown> => {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw malformed();
  return fields as Record<string, unknown>;
};

export const readFormRequest = (event: HttpEvent): FormRequest => {
  const body = rawBody(event);
  if (body.length > maxFormBodyBytes) throw tooLarge();
  const header = event.headers['content-type'];
  const type = mediaType(header);
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded') {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'Ce formulaire s’envoie en JSON (application/json) ou comme un formulaire web (application/x-www-form-urlencoded).',
    );
  }
  refuseCharset(header);
  const text = bodyText(body);
  const fields = asObject(
    type === 'application/json' ? parseJson(text) : formEntriesToObject(parseUrlEncoded(text)),
  );
  const bodyHash = createHash('sha256').update(body).digest('base64url');
  const key = event.headers[idempotencyHeader]?.trim();
  return { fields, idempotencyKey: key ? `key:${key}` : `body:${bodyHash}`, bodyHash };
};

/** The back office's requests: JSON only, read with the same strictness as a public form. */
export const readJsonBody = (event: HttpEvent): Record<string, unknown> => {
  const body = rawBody(event);
  if (body.length > maxFormBodyBytes) throw tooLarge();
  const header = event.headers['content-type'];
  if (mediaType(header) !== 'application/json') {
    throw new HttpError(415, 'unsupported_media_type', 'Cette adresse attend du JSON (application/json).');
  }
  refuseCharset(header);
  return asObject(parseJson(bodyText(body)));
};

/**
 * The visitor's address: CloudFront's `cloudfront-viewer-address` (`ip:port`, or `[ipv6]:port`) when
 * the request provably came through CloudFront (it carries the deployment's edge secret), else the
 * caller of the API itself.
 */
export const clientAddress = (event: HttpEvent, edgeSecret: string): string => {
  const throughCloudFront = event.headers[edgeSecretHeader] === edgeSecret;
  const viewer = throughCloudFront ? event.headers['cloudfront-viewer-address']?.trim() : undefined;
  const ip = viewer?.replace(/^\[(.*)\]:\d+$/, '$1').replace(/^([^:]+):\d+$/, '$1');
  return ip || event.requestContext.http.sourceIp;
};

/** A short body read as UTF-8 text whatever its media type: the one-click unsubscription's form field. */
export const readSmallTextBody = (event: HttpEvent): string => {
  const body = rawBody(event);
  if (body.length > maxFormBodyBytes) throw tooLarge();
  return bodyText(body);
};
