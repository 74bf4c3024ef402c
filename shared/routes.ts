import { forms } from './forms.ts';
import type { TableAccess, TableName } from './tables.ts';

/**
 * The HTTP API, described once: the CDK stack makes one function and one API route per entry,
 * and the local front dispatches to the same handler files. Paths are what the browser calls,
 * since CloudFront forwards `/api/*` to the API unchanged.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDefinition {
  readonly method: HttpMethod;
  readonly path: `/api/${string}`;
  /** File name under functions/handlers/, without extension; it exports `handler`. */
  readonly handler: string;
  /** `staff` routes sit behind the JWT authorizer of the back office's user pool (shared/staff.ts). */
  readonly access: 'public' | 'staff';
  readonly tables: Readonly<Partial<Record<TableName, TableAccess>>>;
  readonly sendsMail?: boolean;
  readonly timeoutSeconds?: number;
}

export const routes = [
  {
    method: 'GET',
    path: '/api/catalogue',
    handler: 'get-catalogue',
    access: 'public',
    tables: { data: 'read' },
  },
  {
    method: 'POST',
    path: forms.application.endpoint,
    handler: 'submit-application',
    access: 'public',
    tables: { data: 'readWrite' },
    sendsMail: true,
  },
  {
    method: 'POST',
    path: forms.partnerOffer.endpoint,
    handler: 'submit-partner-offer',
    access: 'public',
    tables: { data: 'readWrite' },
    sendsMail: true,
  },
  {
    method: 'POST',
    path: forms.contactMessage.endpoint,
    handler: 'submit-contact-message',
    access: 'public',
    tables: { data: 'readWrite' },
    sendsMail: true,
  },
  {
    method: 'GET',
    path: '/api/staff/me',
    handler: 'get-staff-session',
    access: 'staff',
    tables: {},
  },
] as const satisfies readonly RouteDefinition[];

/**
 * Answers every request no route matches, in AWS (the API's `$default` route) as locally,
 * so a wrong method or path gets the same clear JSON error everywhere.
 */
export const fallbackRoute = {
  handler: 'api-fallback',
  access: 'public',
  tables: {},
} as const satisfies Omit<RouteDefinition, 'method' | 'path'>;

export const routeKey = (route: Pick<RouteDefinition, 'method' | 'path'>) => `${route.method} ${route.path}`;

/** Methods that some route serves at this path: an empty list means the path itself is unknown. */
export const methodsForPath = (path: string): HttpMethod[] =>
  routes.filter((route) => route.path === path).map((route) => route.method);

/**
 * The request headers CloudFront passes to the API (its origin request policy); the local front
 * passes these and no others, so a handler that starts reading a new header fails locally too
 * until it is added here. `cloudfront-viewer-address` is the visitor's `ip:port`, set by CloudFront
 * (and by the local front): behind CloudFront, the API's own source IP is an edge server's.
 */
export const forwardedApiHeaders = [
  'accept',
  'accept-language',
  'content-type',
  'idempotency-key',
  'user-agent',
  'cloudfront-viewer-address',
] as const;

/**
 * CloudFront adds this header, holding a per-deployment secret, to every request it sends to the API.
 * Only with it is `cloudfront-viewer-address` believed: a caller who reaches API Gateway directly
 * could otherwise name any address and dodge the form rate limit.
 */
export const edgeSecretHeader = 'x-alize-edge';
