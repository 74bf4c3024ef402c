import type { ApiError } from '../../../../shared/api-errors.ts';
import type { ApplicationAccepted, ApplicationInput } from '../../../../shared/application.ts';
import type {
  ApplicationSource,
  CommitteeDecision,
  TransitionRequest,
} from '../../../../shared/application-lifecycle.ts';
import { idempotencyHeader } from '../../../../shared/forms.ts';
import type {
  ApplicationMissions,
  ClosingRequest,
  InterventionChange,
  InterventionPlan,
  MissionEdit,
  MissionView,
  NewMission,
} from '../../../../shared/missions.ts';
import type {
  CompetenceInput,
  CompetenceRecord,
  DirectoryStatus,
  PartnerInput,
  PartnerRecord,
  VolunteerInput,
  VolunteerRecord,
} from '../../../../shared/partners.ts';
import type { routes } from '../../../../shared/routes.ts';
import type {
  AnonymisationResult,
  ApplicationView,
  CatalogueAdminView,
  CommitteeSummary,
  CommitteeView,
  DecisionsResult,
  HeldSubmissionView,
  InboxView,
  OfferConversion,
  PartnerListItem,
  PartnerOfferView,
  PartnerView,
  PersonExport,
  StaffSession,
  SuppressionView,
} from '../../../../shared/staff-api.ts';
import type { StatisticsView } from '../../../../shared/statistics.ts';
import type { FieldError } from '../../../../shared/validation.ts';
import { staffFetch } from './session.ts';

/**
 * The back office's client: one function per staff route of shared/routes.ts, each answering the
 * type of shared/staff-api.ts or throwing a `StaffApiError` whose `message` is French and can be
 * shown as it is. The session (bearer token, refresh, sign-in) is session.ts's business alone.
 *
 * The answers are not checked against a schema: the API and these pages build from the same
 * shared types, and zod would add its weight to every page of the back office.
 */
type StaffRoute = Extract<(typeof routes)[number], { access: 'staff' }>;
/** `GET /api/staff/applications/{reference}`, as shared/routes.ts's `routeKey` writes it. */
type StaffKey = StaffRoute extends infer R
  ? R extends { method: infer M extends string; path: infer P extends string }
    ? `${M} ${P}`
    : never
  : never;

/**
 * What each staff route answers. Indexed by every staff route below (`Answers[K]`), so a route added
 * to shared/routes.ts without its answer type here does not compile.
 */
interface Answers {
  'GET /api/staff/me': StaffSession;
  'GET /api/staff/applications': InboxView;
  'POST /api/staff/applications': ApplicationAccepted;
  'GET /api/staff/applications/{reference}': ApplicationView;
  'POST /api/staff/applications/{reference}/transitions': ApplicationView;
  'POST /api/staff/applications/{reference}/notes': ApplicationView;
  'PUT /api/staff/applications/{reference}/opinion': ApplicationView;
  'GET /api/staff/committees': { committees: CommitteeSummary[] };
  'POST /api/staff/committees': CommitteeSummary;
  'GET /api/staff/committees/{id}': CommitteeView;
  'POST /api/staff/committees/{id}/decisions': DecisionsResult;
  'GET /api/staff/quarantine': { held: HeldSubmissionView[] };
  'POST /api/staff/quarantine/{reference}/release': ApplicationAccepted;
  /** 204: nothing to say once it is gone. */
  'DELETE /api/staff/quarantine/{reference}': Record<string, never>;
  'GET /api/staff/suppressions': { suppressions: SuppressionView[] };
  'POST /api/staff/suppressions/{key}/lift': { lifted: true };
  'GET /api/staff/partners': { partners: PartnerListItem[] };
  'POST /api/staff/partners': PartnerRecord;
  'GET /api/staff/partners/{id}': PartnerView;
  'PUT /api/staff/partners/{id}': PartnerRecord;
  'PUT /api/staff/partners/{id}/status': PartnerRecord;
  'GET /api/staff/competences': CatalogueAdminView;
  'POST /api/staff/competences': CompetenceRecord;
  'PUT /api/staff/competences/{id}': CompetenceRecord;
  'PUT /api/staff/competences/{id}/status': CompetenceRecord;
  'GET /api/staff/volunteers': { volunteers: VolunteerRecord[] };
  'POST /api/staff/volunteers': VolunteerRecord;
  'PUT /api/staff/volunteers/{id}': VolunteerRecord;
  'PUT /api/staff/volunteers/{id}/status': VolunteerRecord;
  'GET /api/staff/partner-offers': { offers: PartnerOfferView[] };
  'POST /api/staff/partner-offers/{reference}/partner': OfferConversion;
  'GET /api/staff/people': PersonExport;
  'POST /api/staff/records/{reference}/anonymisation': AnonymisationResult;
  /** CSV files, read by `downloadExportCsv`, not as JSON. */
  'GET /api/staff/exports/applications': Blob;
  'GET /api/staff/exports/missions': Blob;
  'GET /api/staff/exports/interventions': Blob;
  'GET /api/staff/applications/{reference}/missions': ApplicationMissions;
  'POST /api/staff/applications/{reference}/missions': MissionView;
  'GET /api/staff/missions/{id}': MissionView;
  'PATCH /api/staff/missions/{id}': MissionView;
  'POST /api/staff/missions/{id}/start': MissionView;
  'POST /api/staff/missions/{id}/interventions': MissionView;
  'POST /api/staff/missions/{id}/interventions/{interventionId}': MissionView;
  'POST /api/staff/missions/{id}/closing': MissionView;
  /** A `.ics` file, fetched by `downloadMissionCalendar`, not by `call`. */
  'GET /api/staff/missions/{id}/calendar': never;
  /** JSON; with `format=csv`, the funders' file, read by `downloadStatisticsCsv`. */
  'GET /api/staff/stats': StatisticsView;
}

/** The names between braces of a route's path: `{reference}`, `{id}`. */
type ParamsOf<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamsOf<Rest>
  : never;

/** What the pages say when the API gives no French message of its own. */
export const apiMessages = {
  network:
    'Le serveur ne répond pas\u00a0: vérifiez votre connexion à Internet, puis réessayez. Rien n’a été modifié.',
  server:
    'Une erreur est survenue de notre côté et rien n’a été enregistré. Réessayez dans quelques minutes.',
  signedOut: 'Votre session a pris fin\u00a0: reconnectez-vous pour continuer.',
} as const;

export class StaffApiError extends Error {
  override name = 'StaffApiError';
  /** The HTTP status, or 0 when no answer came. */
  readonly status: number;
  /** The API's `error` code (`stale_version`, `transition_refused`…), or `network`, `server`. */
  readonly code: string;
  /** A 400's field-level problems, under the request's names (`reason`, `decisions.2.reason`). */
  readonly errors: FieldError[];
  /** A 409's current state of the application, to show in place of the stale one. */
  readonly current: ApplicationView | undefined;
  /** A 409's current state of whatever was changed (a partner's, a volunteer's, a competence's fiche). */
  readonly currentRecord: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    errors: FieldError[] = [],
    current?: ApplicationView,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.errors = errors;
    this.current = current;
    this.currentRecord = current;
  }
}

/** A phone on a weak network gets a message rather than a spinner forever. */
const timeoutMs = 20_000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isApiError = (body: unknown): body is ApiError & { current?: unknown } =>
  isObject(body) && typeof body.error === 'string' && typeof body.message === 'string';

interface Request<K extends StaffKey> {
  params?: Record<ParamsOf<K>, string>;
  query?: Record<string, string | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** `GET /api/staff/committees/{id}` with `{ id }` and `{ network }` → `/api/staff/committees/x?network=y`. */
const urlOf = (
  template: string,
  params: Record<string, string>,
  query: Record<string, string | undefined>,
) => {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return search ? `${path}?${search}` : path;
};

const call = async <K extends StaffKey>(
  route: K,
  { params, query = {}, body, headers = {} }: Request<K> = {},
): Promise<Answers[K]> => {
  const [method, template] = route.split(' ') as [string, string];
  let response: Response;
  try {
    response = await staffFetch(urlOf(template, params ?? {}, query), {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new StaffApiError(0, 'network', apiMessages.network);
  }
  if (response.status === 204) return {} as Answers[K];
  const answer: unknown = await response.json().catch(() => undefined);
  if (response.ok && isObject(answer)) return answer as Answers[K];
  if (response.status === 401) {
    throw new StaffApiError(401, 'unauthorized', isApiError(answer) ? answer.message : apiMessages.signedOut);
  }
  // A 5xx message may be the gateway's, in English: ours is clearer.
  if (response.status >= 500 || !isApiError(answer)) {
    throw new StaffApiError(response.status, 'server', apiMessages.server);
  }
  const current = response.status === 409 && isObject(answer.current) ? answer.current : undefined;
  throw new StaffApiError(
    response.status,
    answer.error,
    answer.message,
    answer.errors ?? [],
    current as ApplicationView | undefined,
  );
};

/** The application form's fields as staff send them: no anti-bot fields, and where it came from. */
export type StaffApplicationInput = Omit<ApplicationInput, 'comment' | 'formStartedAt'> & {
  source: Exclude<ApplicationSource, 'public-form'>;
};

export interface InboxFilter {
  network?: string | undefined;
  status?: string | undefined;
}

export interface NewCommittee {
  date: string;
  time?: string;
  place?: string;
}

export interface Decision {
  reference: string;
  version: number;
  decision: CommitteeDecision;
  reason?: string;
}

export const getSession = () => call('GET /api/staff/me');

export const listApplications = (filter: InboxFilter = {}) =>
  call('GET /api/staff/applications', { query: { network: filter.network, status: filter.status } });

/** One key per form shown, so that a double click or a retry after a lost answer records once. */
export const recordApplication = (application: StaffApplicationInput, idempotencyKey: string) =>
  call('POST /api/staff/applications', {
    body: application,
    headers: { [idempotencyHeader]: idempotencyKey },
  });

export const getApplication = (reference: string) =>
  call('GET /api/staff/applications/{reference}', { params: { reference } });

export const moveApplication = (reference: string, request: TransitionRequest) =>
  call('POST /api/staff/applications/{reference}/transitions', { params: { reference }, body: request });

export const addNote = (reference: string, text: string) =>
  call('POST /api/staff/applications/{reference}/notes', { params: { reference }, body: { text } });

export const setOpinion = (reference: string, opinion: string) =>
  call('PUT /api/staff/applications/{reference}/opinion', { params: { reference }, body: { opinion } });

export const listCommittees = (network?: string) => call('GET /api/staff/committees', { query: { network } });

export const scheduleCommittee = (committee: NewCommittee) =>
  call('POST /api/staff/committees', { body: committee });

export const getCommittee = (id: string) => call('GET /api/staff/committees/{id}', { params: { id } });

export const recordDecisions = (id: string, decisions: Decision[]) =>
  call('POST /api/staff/committees/{id}/decisions', { params: { id }, body: { decisions } });

export const listQuarantine = (network?: string) => call('GET /api/staff/quarantine', { query: { network } });

export const releaseHeld = (reference: string) =>
  call('POST /api/staff/quarantine/{reference}/release', { params: { reference } });

export const deleteHeld = (reference: string) =>
  call('DELETE /api/staff/quarantine/{reference}', { params: { reference } });

/** Directory routes name the network of the record: a network's staff may leave it out, national staff may not. */
type InNetwork = { network?: string | undefined };

export const listPartners = (network?: string) => call('GET /api/staff/partners', { query: { network } });

export const createPartner = (partner: PartnerInput, idempotencyKey: string) =>
  call('POST /api/staff/partners', { body: partner, headers: { [idempotencyHeader]: idempotencyKey } });

export const getPartner = (id: string, { network }: InNetwork = {}) =>
  call('GET /api/staff/partners/{id}', { params: { id }, query: { network } });

export const updatePartner = (id: string, partner: PartnerInput & { version: number }) =>
  call('PUT /api/staff/partners/{id}', { params: { id }, body: partner });

export const setPartnerStatus = (id: string, status: DirectoryStatus, version: number) =>
  call('PUT /api/staff/partners/{id}/status', { params: { id }, body: { status, version } });

export const listStaffCatalogue = (network?: string) =>
  call('GET /api/staff/competences', { query: { network } });

export const createCompetence = (competence: CompetenceInput, idempotencyKey: string) =>
  call('POST /api/staff/competences', {
    body: competence,
    headers: { [idempotencyHeader]: idempotencyKey },
  });

export const updateCompetence = (id: string, competence: CompetenceInput & { version: number }) =>
  call('PUT /api/staff/competences/{id}', { params: { id }, body: competence });

export const setCompetenceStatus = (id: string, status: DirectoryStatus, version: number) =>
  call('PUT /api/staff/competences/{id}/status', { params: { id }, body: { status, version } });

export const listVolunteers = (filter: InNetwork & { partner?: string } = {}) =>
  call('GET /api/staff/volunteers', { query: { network: filter.network, partner: filter.partner } });

export const createVolunteer = (volunteer: VolunteerInput, idempotencyKey: string) =>
  call('POST /api/staff/volunteers', {
    body: volunteer,
    headers: { [idempotencyHeader]: idempotencyKey },
  });

export const updateVolunteer = (id: string, volunteer: VolunteerInput & { version: number }) =>
  call('PUT /api/staff/volunteers/{id}', { params: { id }, body: volunteer });

export const setVolunteerStatus = (id: string, status: DirectoryStatus, version: number) =>
  call('PUT /api/staff/volunteers/{id}/status', { params: { id }, body: { status, version } });

export const listPartnerOffers = (network?: string) =>
  call('GET /api/staff/partner-offers', { query: { network } });

export const convertPartnerOffer = (reference: string, sector: string, idempotencyKey: string) =>
  call('POST /api/staff/partner-offers/{reference}/partner', {
    params: { reference },
    body: { sector },
    headers: { [idempotencyHeader]: idempotencyKey },
  });
export const exportPerson = (email: string) => call('GET /api/staff/people', { query: { email } });

export const anonymiseRecord = (reference: string, reason: string) =>
  call('POST /api/staff/records/{reference}/anonymisation', { params: { reference }, body: { reason } });

export interface ApplicationsExport {
  network?: string | undefined;
  from: string;
  to: string;
}

/** The funders' files: applications received, missions run, half-days dated in a period. */
export type ExportKind = 'applications' | 'missions' | 'interventions';

/** The funders' CSV: a file, not JSON; its name comes from the answer's `content-disposition`. */
export const downloadExportCsv = (
  kind: ExportKind,
  request: ApplicationsExport,
): Promise<{ file: Blob; fileName: string }> => downloadCsv(`/api/staff/exports/${kind}`, { ...request });

/** The month's statistics for funders, as the page shows them. */
export const downloadStatisticsCsv = (query: { network?: string; month?: string }) =>
  downloadCsv('/api/staff/stats', { ...query, format: 'csv' });

export const getStatistics = (query: { network?: string; month?: string }) =>
  call('GET /api/staff/stats', { query });

const downloadCsv = async (
  path: string,
  query: Record<string, string | undefined>,
): Promise<{ file: Blob; fileName: string }> => {
  const url = urlOf(path, {}, query);
  let response: Response;
  try {
    response = await staffFetch(url, {
      headers: { accept: 'text/csv, application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new StaffApiError(0, 'network', apiMessages.network);
  }
  if (response.ok) {
    const fileName =
      /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'alize.csv';
    const file: Blob = await response.blob();
    return { file, fileName };
  }
  const answer: unknown = await response.json().catch(() => undefined);
  if (response.status >= 500 || !isApiError(answer))
    throw new StaffApiError(response.status, 'server', apiMessages.server);
  throw new StaffApiError(response.status, answer.error, answer.message, answer.errors ?? []);
};

export const listMissions = (reference: string) =>
  call('GET /api/staff/applications/{reference}/missions', { params: { reference } });

/** One key per form shown, as for a new application. */
export const createMission = (reference: string, mission: NewMission, idempotencyKey: string) =>
  call('POST /api/staff/applications/{reference}/missions', {
    params: { reference },
    body: mission,
    headers: { [idempotencyHeader]: idempotencyKey },
  });

export const getMission = (id: string) => call('GET /api/staff/missions/{id}', { params: { id } });

export const editMission = (id: string, edit: MissionEdit) =>
  call('PATCH /api/staff/missions/{id}', { params: { id }, body: edit });

export const startMission = (id: string, version: number) =>
  call('POST /api/staff/missions/{id}/start', { params: { id }, body: { version } });

export const planHalfDay = (id: string, plan: InterventionPlan, idempotencyKey: string) =>
  call('POST /api/staff/missions/{id}/interventions', {
    params: { id },
    body: plan,
    headers: { [idempotencyHeader]: idempotencyKey },
  });

export const changeHalfDay = (id: string, interventionId: string, change: InterventionChange) =>
  call('POST /api/staff/missions/{id}/interventions/{interventionId}', {
    params: { id, interventionId },
    body: change,
  });

export const closeMission = (id: string, request: ClosingRequest) =>
  call('POST /api/staff/missions/{id}/closing', { params: { id }, body: request });

/** The mission's `.ics`, through the session (a plain link would carry no bearer token). */
export const downloadMissionCalendar = async (id: string, holder: 'volunteer' | 'sme'): Promise<Blob> => {
  let response: Response;
  try {
    response = await staffFetch(`/api/staff/missions/${encodeURIComponent(id)}/calendar?pour=${holder}`, {
      headers: { accept: 'text/calendar' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new StaffApiError(0, 'network', apiMessages.network);
  }
  if (!response.ok) throw new StaffApiError(response.status, 'server', apiMessages.server);
  return response.blob();
};

export const listSuppressions = () => call('GET /api/staff/suppressions', {});

export const liftSuppression = (key: string, version: number) =>
  call('POST /api/staff/suppressions/{key}/lift', { params: { key }, body: { version } });
