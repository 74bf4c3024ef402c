import { createHash } from 'node:crypto';
import { formEntriesToObject } from '../../shared/form-data.ts';
import { idempotencyHeader, maxFormBodyBytes } from '../../shared/forms.ts';
import { edgeSecretHeader } from '../../shared/routes.ts';
import { HttpError } from './http-errors.ts';
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
}

export const readFormRequest = (event: HttpEvent): FormRequest => {
  const body = rawBody(event);
  if (body.length > maxFormBodyBytes) {
    throw new HttpError(
      413,
      'payload_too_large',
      `Votre envoi dépasse ${maxFormBodyBytes / 1024} Ko, la taille maximale d’un formulaire : raccourcissez les textes les plus longs, puis renvoyez-le.`,
    );
  }
  const type = mediaType(event.headers['content-type']);
  const text = body.toString('utf8');
  let fields: unknown;
  if (type === 'application/json') {
    try {
      fields = JSON.parse(text);
    } catch {
      fields = undefined;
    }
  } else if (type === 'application/x-www-form-urlencoded') {
    fields = formEntriesToObject(new URLSearchParams(text));
  } else {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'Ce formulaire s’envoie en JSON (application/json) ou comme un formulaire web (application/x-www-form-urlencoded).',
    );
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new HttpError(
      400,
      'malformed_body',
      'Le contenu envoyé n’a pas pu être lu : il doit décrire un seul formulaire, en JSON valide.',
    );
  }
  const header = event.headers[idempotencyHeader]?.trim();
  const idempotencyKey = header
    ? `key:${header}`
    : `body:${createHash('sha256').update(body).digest('base64url')}`;
  return { fields: fields as Record<string, unknown>, idempotencyKey };
};

/**
 * The address the rate limit counts: API Gateway's own view of the caller, which no header can forge
 * (X-Forwarded-For can be). To verify on the first deployment: behind CloudFront this must be the
 * visitor's address; were it an edge's, CloudFront-Viewer-Address (added by an origin request
 * policy) would be the one to read.
 */
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
