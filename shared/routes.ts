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

/**
 * Every `access: 'staff'` route lives under this prefix, and no public route does: CloudFront sends
 * the `Authorization` header to the API only on this path (its own behaviour), and the local front
 * does the same. `assertStaffRoutesUnderPrefix` below checks it for the stack and the tests.
 */
export const staffApiPathPrefix = '/api/staff/';

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
  {
    method: 'GET',
    path: '/api/staff/applications',
    handler: 'list-applications',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'POST',
    path: '/api/staff/applications',
    handler: 'record-application',
    access: 'staff',
    tables: { data: 'readWrite' },
    sendsMail: true,
  },
  {
    method: 'GET',
    path: '/api/staff/applications/{reference}',
    handler: 'get-application',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'POST',
    path: '/api/staff/applications/{reference}/transitions',
    handler: 'move-application',
    access: 'staff',
    tables: { data: 'readWrite' },
    sendsMail: true,
  },
  {
    method: 'POST',
    path: '/api/staff/applications/{reference}/notes',
    handler: 'add-application-note',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'PUT',
    path: '/api/staff/applications/{reference}/opinion',
    handler: 'set-application-opinion',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'GET',
    path: '/api/staff/committees',
    handler: 'list-committees',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'POST',
    path: '/api/staff/committees',
    handler: 'schedule-committee',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'GET',
    path: '/api/staff/committees/{id}',
    handler: 'get-committee',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'POST',
    path: '/api/staff/committees/{id}/decisions',
    handler: 'record-decisions',
    access: 'staff',
    tables: { data: 'readWrite' },
    sendsMail: true,
  },
  {
    method: 'GET',
    path: '/api/staff/quarantine',
    handler: 'list-quarantine',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'POST',
    path: '/api/staff/quarantine/{reference}/release',
    handler: 'release-quarantined',
    access: 'staff',
    tables: { data: 'readWrite' },
    sendsMail: true,
  },
  {
    method: 'DELETE',
    path: '/api/staff/quarantine/{reference}',
    handler: 'delete-quarantined',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'GET',
    path: '/api/staff/people',
    handler: 'export-person',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'POST',
    path: '/api/staff/records/{reference}/anonymisation',
    handler: 'anonymise-record',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'GET',
    path: '/api/staff/exports/applications',
    handler: 'export-applications',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'GET',
    path: '/api/staff/exports/missions',
    handler: 'export-missions',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'GET',
    path: '/api/staff/exports/interventions',
    handler: 'export-interventions',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'GET',
    path: '/api/staff/partners',
    handler: 'list-partners',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'POST',
    path: '/api/staff/partners',
    handler: 'create-partner',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'GET',
    path: '/api/staff/partners/{id}',
    handler: 'get-partner',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'PUT',
    path: '/api/staff/partners/{id}',
    handler: 'update-partner',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'PUT',
    path: '/api/staff/partners/{id}/status',
    handler: 'set-partner-status',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'GET',
    path: '/api/staff/competences',
    handler: 'list-competences',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'POST',
    path: '/api/staff/competences',
    handler: 'create-competence',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'PUT',
    path: '/api/staff/competences/{id}',
    handler: 'update-competence',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'PUT',
    path: '/api/staff/competences/{id}/status',
    handler: 'set-competence-status',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'GET',
    path: '/api/staff/volunteers',
    handler: 'list-volunteers',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'POST',
    path: '/api/staff/volunteers',
    handler: 'create-volunteer',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'PUT',
    path: '/api/staff/volunteers/{id}',
    handler: 'update-volunteer',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'PUT',
    path: '/api/staff/volunteers/{id}/status',
    handler: 'set-volunteer-status',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'GET',
    path: '/api/staff/partner-offers',
    handler: 'list-partner-offers',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'POST',
    path: '/api/staff/partner-offers/{reference}/partner',
    handler: 'convert-partner-offer',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'GET',
    path: '/api/status',
    handler: 'get-application-status',
    access: 'public',
    tables: { data: 'read' },
  },
  {
    method: 'POST',
    path: '/api/status/links',
    handler: 'send-status-link',
    access: 'public',
    tables: { data: 'readWrite' },
    sendsMail: true,
  },
  {
    method: 'GET',
    path: '/api/staff/applications/{reference}/missions',
    handler: 'list-application-missions',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'POST',
    path: '/api/staff/applications/{reference}/missions',
    handler: 'create-mission',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'GET',
    path: '/api/staff/missions/{id}',
    handler: 'get-mission',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'PATCH',
    path: '/api/staff/missions/{id}',
    handler: 'edit-mission',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'POST',
    path: '/api/staff/missions/{id}/start',
    handler: 'start-mission',
    access: 'staff',
    tables: { data: 'readWrite' },
    sendsMail: true,
  },
  {
    method: 'POST',
    path: '/api/staff/missions/{id}/interventions',
    handler: 'plan-intervention',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'POST',
    path: '/api/staff/missions/{id}/interventions/{interventionId}',
    handler: 'change-intervention',
    access: 'staff',
    tables: { data: 'readWrite' },
    // A half-day of a started mission moved or cancelled: the volunteer and the SME are told.
    sendsMail: true,
  },
  {
    method: 'POST',
    path: '/api/staff/missions/{id}/closing',
    handler: 'close-mission',
    access: 'staff',
    tables: { data: 'readWrite' },
    sendsMail: true,
  },
  {
    method: 'GET',
    path: '/api/staff/missions/{id}/calendar',
    handler: 'get-mission-calendar',
    access: 'staff',
    tables: { data: 'read' },
  },
  {
    method: 'GET',
    path: '/api/missions/calendar',
    handler: 'get-public-mission-calendar',
    access: 'public',
    // Checking a link reads the missions' signing key, which the first use makes.
    tables: { data: 'readWrite' },
  },
  {
    method: 'GET',
    path: '/api/outcomes',
    handler: 'get-outcome-form',
    access: 'public',
    tables: { data: 'readWrite' },
  },
  {
    method: 'POST',
    path: '/api/outcomes',
    handler: 'submit-outcome',
    access: 'public',
    tables: { data: 'readWrite' },
  },
  {
    method: 'GET',
    path: '/api/half-days',
    handler: 'get-half-day-question',
    access: 'public',
    // Checking a link reads the missions' signing key, which the first use makes.
    tables: { data: 'readWrite' },
  },
  {
    method: 'POST',
    path: '/api/half-days',
    handler: 'answer-half-day',
    access: 'public',
    tables: { data: 'readWrite' },
  },
  {
    method: 'POST',
    path: '/api/mail-preferences/unsubscribe',
    handler: 'unsubscribe-mail-list',
    access: 'public',
    tables: { data: 'readWrite' },
  },
  {
    method: 'GET',
    path: '/api/mail-preferences',
    handler: 'get-mail-preferences',
    access: 'public',
    // readWrite: the link signer makes its key on first use.
    tables: { data: 'readWrite' },
  },
  {
    method: 'PUT',
    path: '/api/mail-preferences',
    handler: 'save-mail-preferences',
    access: 'public',
    tables: { data: 'readWrite' },
  },
  {
    method: 'GET',
    path: '/api/staff/suppressions',
    handler: 'list-suppressions',
    access: 'staff',
    // readWrite: the person-key secret is made on first use.
    tables: { data: 'readWrite' },
  },
  {
    method: 'POST',
    path: '/api/staff/suppressions/{key}/lift',
    handler: 'lift-suppression',
    access: 'staff',
    tables: { data: 'readWrite' },
  },
  {
    method: 'GET',
    // `&format=csv` answers the same figures as the funders' file: one function, not two (the app stack nears CloudFormation's 500 resources).
    path: '/api/staff/stats',
    handler: 'get-statistics',
    access: 'staff',
    tables: { data: 'read' },
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

/** Refuses a route table where a staff route is outside `staffApiPathPrefix`, or a public one inside it. */
export const assertStaffRoutesUnderPrefix = (
  table: readonly Pick<RouteDefinition, 'method' | 'path' | 'access'>[],
) => {
  for (const route of table) {
    if ((route.access === 'staff') !== route.path.startsWith(staffApiPathPrefix)) {
      throw new Error(
        `Route ${route.method} ${route.path} is ${route.access}: staff routes, and only they, live under ${staffApiPathPrefix}.`,
      );
    }
  }
};

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

// Its own module, so that the functions reading it do not bundle the whole route table.
export { edgeSecretHeader } from './edge-secret.ts';
