import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.ts';
import { addDays } from '../../functions/domain/digests/mission-due.ts';
import { config } from '../../functions/runtime/config.ts';
import { statusLinks } from '../../functions/use-cases/applications/status-links.ts';
import { preferenceLinks } from '../../functions/use-cases/mail-preferences/preference-links.ts';
import { missionLinks } from '../../functions/use-cases/missions/mission-links.ts';
import { preferenceLinkSigner } from '../../functions/wiring/mail-recipients.ts';
import { missionLinkSigner } from '../../functions/wiring/mission-links.ts';
import { personKeyMaker } from '../../functions/wiring/person-keys.ts';
import { statusLinkSigner } from '../../functions/wiring/status-links.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { localDynamoDbClient } from '../../infra/local/emulators.ts';
import { parisIsoDate } from '../../shared/dates.ts';
import { maxFormBodyBytes } from '../../shared/forms.ts';
import { type RouteDefinition, routeKey, routes } from '../../shared/routes.ts';
import {
  urlEncoded,
  validApplication,
  validContactMessage,
  validPartnerOffer,
  withField,
} from '../support/form-posts.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { givenApplication, givenVolunteer } from '../support/missions.ts';
import { rawRequester } from '../support/raw-request.ts';
import { givenApplicationAt, givenCommittee, givenMissionAt, halfDay } from '../support/reminders.ts';
import { bearer, staffTokens } from '../support/staff-tokens.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * Hostile input, as a corpus: requests no person's browser sends, to every route of shared/routes.ts,
 * public and staff (with a valid token of Indre's staff), over HTTP through the local front. Each is
 * answered 4xx, never 5xx, with a JSON body whose `message` is French and quotes neither a stack nor
 * the markup sent; and the whole corpus leaves the data table and the mailbox as it found them.
 *
 * A case is data: the route it aims at, what is wrong with it, the request (method, path, headers,
 * body) and the status expected. `{{name}}` in a path or a body is a fixture made before the run (an
 * id of Cher's, a signed link), since a hostile request needs something real to aim at.
 */
// Hundreds of posts from one address: the hourly limit is another test's subject.
const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 10_000 } } });
const raw = rawRequester(cloud);
const mail = () => mailbox(cloud().urls.mailViewer);

type Fixture = Record<string, string>;

interface HostileCase {
  /** The route of shared/routes.ts the request aims at (`GET /api/status`), even when its method or path is wrong. */
  route: string;
  what: string;
  /** The route's method unless said. */
  method?: string;
  /** The route's path unless said; `{{name}}` is a fixture. */
  path?: string;
  /** Added to `accept: application/json` (and a JSON content type when there is a body); `''` removes one. */
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or bytes as they are. */
  body?: unknown;
  /** Whose token a staff route is called with: Claire of Indre unless said. */
  as?: 'claire' | 'nadia';
  status: number;
  /** The field the answer's `errors` must name. */
  field?: string;
}

// ——— Bodies a person would send, to spoil one thing at a time ———

/** A valid form with some dotted fields replaced (`undefined` removes one). */
const spoilt = <T extends object>(valid: () => T, changes: Record<string, unknown>): T =>
  Object.entries(changes).reduce(
    (value, [path, replacement]) => withField(value, path, replacement),
    valid(),
  );
const contact = (changes: Record<string, unknown> = {}) => spoilt(validContactMessage, changes);
const application = (changes: Record<string, unknown> = {}) => spoilt(validApplication, changes);
const offer = (changes: Record<string, unknown> = {}) => spoilt(validPartnerOffer, changes);

/** A JSON text with `"__proto__"` as an own key, which `JSON.stringify` of an object literal cannot write. */
const withProtoKey = (value: object, inner: object) =>
  `{"__proto__":${JSON.stringify(inner)},${JSON.stringify(value).slice(1)}`;

/** Exactly what API Gateway still lets through (10 MiB): the function itself must refuse it, in French. */
const tenMegabytes = (() => {
  const size = 10 * 1024 * 1024;
  const head = '{"name":"';
  const tail = '"}';
  return Buffer.from(`${head}${'a'.repeat(size - head.length - tail.length)}${tail}`);
})();
const justOverTheFormLimit = JSON.stringify({
  ...validContactMessage(),
  message: 'Bonjour. '.repeat(maxFormBodyBytes / 9 + 10),
});
const invalidUtf8 = (value: object) =>
  Buffer.concat([Buffer.from(JSON.stringify(value).slice(0, -1)), Buffer.from(',"x":"\xff"}', 'latin1')]);
const loneSurrogate = (value: object) => JSON.stringify(value).replace('Sophie', 'Sophie\\ud800');
const deeplyNested = `${'['.repeat(5000)}${']'.repeat(5000)}`;

const script = '<script>alert(1)</script>';
const bcc = '\r\nBcc: tout-le-monde@example.com';
const staffPartner = {
  name: 'Fonderie du Centre',
  siret: '90100001000107',
  sector: 'Métallurgie',
  contact: { firstName: 'Agnès', lastName: 'Lemaire', email: 'agnes.lemaire@fonderie.example.com' },
};
const staffVolunteer = {
  partnerId: 'indre-aero',
  firstName: 'Léa',
  lastName: 'Fontaine',
  role: 'Ingénieure qualité',
  email: 'lea.fontaine@aero.example.com',
  competences: ['indre-iso-9001'],
};
const staffCompetence = {
  category: 'quality',
  label: 'Préparer un audit client',
  partnerIds: ['indre-aero'],
};
/** A new mission of Indre's approved application, with its volunteer: valid until one field is spoilt. */
const staffMission = {
  competenceId: 'indre-iso-9001',
  partnerId: '{{indreVolunteerPartner}}',
  volunteerId: '{{indreVolunteer}}',
  plannedHalfDays: 4,
  startDate: '{{tomorrow}}',
  endDate: '{{inAMonth}}',
};

// ——— The corpus ———

/** The cases of one route, which each line then need not repeat. */
const at = (route: string, cases: Omit<HostileCase, 'route'>[]): HostileCase[] =>
  cases.map((hostile) => ({ route, ...hostile }));
const formEncoded = { 'content-type': 'application/x-www-form-urlencoded' };
const textPlain = { 'content-type': 'text/plain' };
const oneClick = 'List-Unsubscribe=One-Click';

const contactForm = at('POST /api/contact', [
  // What is not one JSON form
  { what: 'JSON cut short', body: '{"name":"Sophie",', status: 400 },
  { what: 'a JSON list', body: '[]', status: 400 },
  { what: 'a JSON string', body: '"bonjour"', status: 400 },
  { what: 'JSON null', body: 'null', status: 400 },
  { what: 'an empty body', body: '', status: 400 },
  { what: 'JSON 5 000 lists deep', body: deeplyNested, status: 400 },
  { what: 'a byte that is not UTF-8', body: invalidUtf8(contact()), status: 400 },
  { what: 'a lone surrogate escaped in the JSON', body: loneSurrogate(contact()), status: 400 },
  {
    what: 'a url-encoded byte that is not UTF-8',
    headers: formEncoded,
    body: urlEncoded(contact()).toString().replace('Sophie', 'Sophie%FF'),
    status: 400,
  },
  { what: 'JSON sent as text/plain', headers: textPlain, body: JSON.stringify(contact()), status: 415 },
  {
    what: 'a multipart body',
    headers: { 'content-type': 'multipart/form-data; boundary=x' },
    body: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nSophie\r\n--x--',
    status: 415,
  },
  { what: 'no content type', headers: { 'content-type': '' }, body: JSON.stringify(contact()), status: 415 },
  {
    what: 'JSON declared as Latin-1',
    headers: { 'content-type': 'application/json; charset=iso-8859-1' },
    body: JSON.stringify(contact()),
    status: 415,
  },
  { what: 'a 10 MB body', body: tenMegabytes, status: 413 },
  // CR and LF where text could reach a mail's headers
  {
    what: 'a Bcc header in the subject',
    body: contact({ subject: `Question${bcc}` }),
    status: 400,
    field: 'subject',
  },
  {
    what: 'a bare LF and a To header in the subject',
    body: contact({ subject: 'Question\nTo: x@example.com' }),
    status: 400,
    field: 'subject',
  },
  {
    what: 'a NUL escaped in the subject',
    body: contact({ subject: 'Question\u0000' }),
    status: 400,
    field: 'subject',
  },
  {
    what: 'a Bcc header after the name',
    body: contact({ name: `Sophie Bernard${bcc}` }),
    status: 400,
    field: 'name',
  },
  {
    what: 'a Bcc header after the address',
    body: contact({ email: `sophie@example.fr${bcc}` }),
    status: 400,
    field: 'email',
  },
  {
    what: 'a percent-encoded CR LF in the address',
    body: contact({ email: 'sophie@example.fr%0D%0ABcc:x@example.com' }),
    status: 400,
    field: 'email',
  },
  {
    what: 'two addresses in one',
    body: contact({ email: 'sophie@example.fr, paul@example.fr' }),
    status: 400,
    field: 'email',
  },
  {
    what: 'an address with a display name',
    body: contact({ email: 'Sophie <sophie@example.fr>' }),
    status: 400,
    field: 'email',
  },
  // Markup and control characters
  { what: 'a script for a name', body: contact({ name: script }), status: 400, field: 'name' },
  {
    what: 'an escape sequence in the organisation',
    body: contact({ organisation: 'Atelier\u001b[2J' }),
    status: 400,
    field: 'organisation',
  },
  // Wrong JSON types, missing and extra fields
  { what: 'a number for a name', body: contact({ name: 42 }), status: 400, field: 'name' },
  { what: 'the consent as a string', body: contact({ consent: 'oui' }), status: 400, field: 'consent' },
  { what: 'the consent refused', body: contact({ consent: false }), status: 400, field: 'consent' },
  { what: 'no address', body: contact({ email: undefined }), status: 400, field: 'email' },
  { what: 'an empty object', body: {}, status: 400 },
  {
    what: 'a reference, a status and a date of its own, and no message',
    body: {
      ...contact({ message: undefined }),
      reference: 'MSG-FR-2026-0001',
      status: 'answered',
      createdAt: '2020-01-01',
    },
    status: 400,
    field: 'message',
  },
  {
    what: 'the consent twice, the last refusing',
    body: JSON.stringify(contact()).replace(/}$/, ',"consent":false}'),
    status: 400,
    field: 'consent',
  },
  // __proto__ and constructor
  {
    what: 'the consent hidden under __proto__',
    body: withProtoKey(contact({ consent: undefined }), { consent: true }),
    status: 400,
    field: 'consent',
  },
  {
    what: 'the consent hidden under constructor.prototype',
    body: { ...contact({ consent: undefined }), constructor: { prototype: { consent: true } } },
    status: 400,
    field: 'consent',
  },
  {
    what: 'url-encoded __proto__ and constructor fields, and no consent',
    headers: formEncoded,
    body: `${urlEncoded(contact({ consent: undefined }))}&__proto__.consent=on&constructor.prototype.consent=on&__proto__.polluted=oui`,
    status: 400,
    field: 'consent',
  },
  { what: 'the method GET', method: 'GET', status: 405 },
]);

const applicationForm = at('POST /api/applications', [
  { what: 'a 10 MB body', body: tenMegabytes, status: 413 },
  {
    what: 'a Bcc header after the contact’s address',
    body: application({ 'contact.email': `claire@menuiserie.example.fr${bcc}` }),
    status: 400,
    field: 'contact.email',
  },
  {
    what: 'a CR LF in the contact’s first name',
    body: application({ 'contact.firstName': `Claire${bcc}` }),
    status: 400,
    field: 'contact.firstName',
  },
  {
    what: 'a CR LF in the company’s name',
    body: application({ 'company.name': `Menuiserie${bcc}` }),
    status: 400,
    field: 'company.name',
  },
  {
    what: 'a script for the company’s name',
    body: application({ 'company.name': script }),
    status: 400,
    field: 'company.name',
  },
  { what: 'a script for a competence', body: application({ 'project.competences': [script] }), status: 400 },
  {
    what: 'a NUL in the postcode',
    body: application({ 'company.postcode': '36\u0000000' }),
    status: 400,
    field: 'company.postcode',
  },
  { what: 'a string for the company', body: application({ company: 'Menuiserie Martin' }), status: 400 },
  {
    what: 'a list for the SIRET',
    body: application({ 'company.siret': ['73282932000074'] }),
    status: 400,
    field: 'company.siret',
  },
  { what: 'no project at all', body: application({ project: undefined }), status: 400 },
  {
    what: 'a negative headcount',
    body: application({ 'company.employees': -5 }),
    status: 400,
    field: 'company.employees',
  },
  {
    what: 'a headcount of 10^20',
    body: JSON.stringify(application()).replace('"employees":12', '"employees":100000000000000000000'),
    status: 400,
    field: 'company.employees',
  },
  {
    what: 'a headcount beyond any double (1e400)',
    body: JSON.stringify(application()).replace('"employees":12', '"employees":1e400'),
    status: 400,
    field: 'company.employees',
  },
  {
    what: 'negative jobs to create',
    body: application({ 'project.jobsToCreate': -1 }),
    status: 400,
    field: 'project.jobsToCreate',
  },
  {
    what: 'a company founded in the year 3000',
    body: application({ 'company.createdYear': 3000 }),
    status: 400,
    field: 'company.createdYear',
  },
  {
    what: 'a company founded in -2000',
    body: application({ 'company.createdYear': -2000 }),
    status: 400,
    field: 'company.createdYear',
  },
  {
    what: 'the company’s name under company.__proto__',
    body: JSON.stringify(application({ 'company.name': undefined })).replace(
      '"company":{',
      '"company":{"__proto__":{"name":"Menuiserie Martin"},',
    ),
    status: 400,
    field: 'company.name',
  },
  { what: 'the method PUT', method: 'PUT', body: application(), status: 405 },
]);

const partnerForm = at('POST /api/partners', [
  { what: 'a body just over 32 KB', body: justOverTheFormLimit, status: 413 },
  {
    what: 'a Bcc header after the contact’s address',
    body: offer({ 'contact.email': `paul@berry-aero.example.fr${bcc}` }),
    status: 400,
    field: 'contact.email',
  },
  {
    what: 'a CR LF in the company’s name',
    body: offer({ 'company.name': `Berry Aéro${bcc}` }),
    status: 400,
    field: 'company.name',
  },
  { what: 'a script for a category', body: offer({ 'offer.categories': [script] }), status: 400 },
  {
    what: 'a script for the contact’s last name',
    body: offer({ 'contact.lastName': script }),
    status: 400,
    field: 'contact.lastName',
  },
  { what: 'a list for the offer', body: offer({ offer: [] }), status: 400 },
  {
    what: 'minus four volunteers',
    body: offer({ 'offer.volunteers': -4 }),
    status: 400,
    field: 'offer.volunteers',
  },
  {
    what: 'a million volunteers',
    body: offer({ 'offer.volunteers': 1_000_000 }),
    status: 400,
    field: 'offer.volunteers',
  },
  { what: 'the method DELETE', method: 'DELETE', status: 405 },
]);

const catalogue = at('GET /api/catalogue', [
  {
    what: 'a script for a network',
    path: `/api/catalogue?network=${encodeURIComponent(script)}`,
    status: 400,
  },
  { what: 'a path for a network', path: '/api/catalogue?network=..%2F..%2Fetc%2Fpasswd', status: 400 },
  { what: 'a NUL for a network', path: '/api/catalogue?network=%00', status: 400 },
  { what: 'a byte that is not UTF-8 for a network', path: '/api/catalogue?network=indre%FF', status: 400 },
  { what: 'two networks at once', path: '/api/catalogue?network=indre&network=cher', status: 400 },
  { what: 'an empty network', path: '/api/catalogue?network=', status: 400 },
  { what: 'a network of 5 000 letters', path: `/api/catalogue?network=${'a'.repeat(5000)}`, status: 400 },
  { what: 'a network this deployment does not have', path: '/api/catalogue?network=paris', status: 404 },
  { what: 'the method POST', method: 'POST', body: {}, status: 405 },
  { what: 'a dot-dot segment after it', path: '/api/catalogue/../staff/applications', status: 404 },
]);

const statusPage = at('GET /api/status', [
  { what: 'no token', status: 404 },
  { what: 'a token that is no token', path: '/api/status?t=ceci-n-est-pas-un-jeton', status: 404 },
  { what: 'a byte that is not UTF-8 for a token', path: '/api/status?t=%FF%FE', status: 404 },
  { what: 'a script for a token', path: `/api/status?t=${encodeURIComponent(script)}`, status: 404 },
  { what: 'an expired status link', path: '/api/status?t={{statusExpired}}', status: 404 },
  { what: 'a status link signed with another key', path: '/api/status?t={{statusForged}}', status: 404 },
  { what: 'a status link « signed » with alg none', path: '/api/status?t={{statusNone}}', status: 404 },
  { what: 'a status link to no application', path: '/api/status?t={{statusUnknown}}', status: 404 },
  { what: 'an outcome form’s link', path: '/api/status?t={{outcome}}', status: 404 },
  { what: 'a calendar link', path: '/api/status?t={{calendar}}', status: 404 },
  { what: 'a half-day link', path: '/api/status?t={{halfDay}}', status: 404 },
  { what: 'a mail preferences link', path: '/api/status?t={{preference}}', status: 404 },
  { what: 'a staff member’s access token', path: '/api/status?t={{staffAccess}}', status: 404 },
  {
    what: 'a valid link and a forged one in one query',
    path: '/api/status?t={{status}}&t={{statusForged}}',
    status: 404,
  },
]);

const statusLinkRequests = at('POST /api/status/links', [
  { what: 'an empty object', body: {}, status: 400 },
  {
    what: 'a Bcc header after the address',
    body: { reference: '{{indreApplication}}', email: `claire@example.fr${bcc}` },
    status: 400,
    field: 'email',
  },
  {
    what: 'a CR LF in the reference',
    body: { reference: `ALZ-36-2026-0001${bcc}`, email: 'claire@example.fr' },
    status: 400,
    field: 'reference',
  },
  {
    what: 'a script for a reference and no address',
    body: { reference: script },
    status: 400,
    field: 'email',
  },
  {
    what: 'a number for the reference',
    body: { reference: 36, email: 'claire@example.fr' },
    status: 400,
    field: 'reference',
  },
  {
    what: 'a list of addresses',
    body: { reference: '{{indreApplication}}', email: ['a@example.fr', 'b@example.fr'] },
    status: 400,
    field: 'email',
  },
  { what: 'JSON cut short', body: '{"reference":', status: 400 },
  { what: 'a JSON list', body: '[{"reference":"ALZ-36-2026-0001"}]', status: 400 },
  {
    what: 'a form post',
    headers: formEncoded,
    body: 'reference=ALZ-36-2026-0001&email=a%40example.fr',
    status: 415,
  },
  { what: 'a 10 MB body', body: tenMegabytes, status: 413 },
  { what: 'the method GET', method: 'GET', status: 405 },
]);

const outcomeForm = at('GET /api/outcomes', [
  { what: 'no token', status: 404 },
  { what: 'a status link', path: '/api/outcomes?t={{status}}', status: 404 },
  { what: 'a calendar link', path: '/api/outcomes?t={{calendar}}', status: 404 },
  { what: 'a half-day link', path: '/api/outcomes?t={{halfDay}}', status: 404 },
  { what: 'an expired outcome link', path: '/api/outcomes?t={{outcomeExpired}}', status: 404 },
  { what: 'an outcome link signed with another key', path: '/api/outcomes?t={{outcomeForged}}', status: 404 },
  {
    what: 'an outcome link carrying another mission’s claims',
    path: '/api/outcomes?t={{outcomeTampered}}',
    status: 404,
  },
  {
    what: 'a follow-up link made out to the volunteer',
    path: '/api/outcomes?t={{outcomeVolunteerFollowUp}}',
    status: 404,
  },
  { what: 'an outcome link to no mission', path: '/api/outcomes?t={{outcomeUnknownMission}}', status: 404 },
  { what: 'a staff member’s access token', path: '/api/outcomes?t={{staffAccess}}', status: 404 },
]);

const smeAnswer = { jobsCreated: 1, jobsMaintained: 3, satisfaction: 4 };
const outcomeAnswers = at('POST /api/outcomes', [
  { what: 'no token', body: smeAnswer, status: 400, field: 'token' },
  {
    what: 'a number for the token',
    body: { ...smeAnswer, token: 1234567890123456 },
    status: 400,
    field: 'token',
  },
  {
    what: 'the token under __proto__',
    body: withProtoKey(smeAnswer, { token: '{{outcome}}' }),
    status: 400,
    field: 'token',
  },
  { what: 'a status link', body: { ...smeAnswer, token: '{{status}}' }, status: 404 },
  { what: 'a half-day link', body: { ...smeAnswer, token: '{{halfDay}}' }, status: 404 },
  { what: 'a calendar link', body: { ...smeAnswer, token: '{{calendar}}' }, status: 404 },
  { what: 'an expired outcome link', body: { ...smeAnswer, token: '{{outcomeExpired}}' }, status: 404 },
  {
    what: 'an outcome link signed with another key',
    body: { ...smeAnswer, token: '{{outcomeForged}}' },
    status: 404,
  },
  {
    what: 'an outcome link answered already',
    body: { ...smeAnswer, token: '{{outcomeAnswered}}' },
    status: 422,
  },
  {
    what: 'an outcome link before the outcome is asked',
    body: { ...smeAnswer, token: '{{outcome}}' },
    status: 422,
  },
  {
    what: 'a satisfaction of 6 out of 5',
    body: { ...smeAnswer, token: '{{outcome}}', satisfaction: 6 },
    status: 400,
    field: 'satisfaction',
  },
  {
    what: 'minus one job created',
    body: { ...smeAnswer, token: '{{outcome}}', jobsCreated: -1 },
    status: 400,
    field: 'jobsCreated',
  },
  {
    what: 'a billion jobs maintained',
    body: { ...smeAnswer, token: '{{outcome}}', jobsMaintained: 1e9 },
    status: 400,
    field: 'jobsMaintained',
  },
  {
    what: 'a NUL in the comment',
    body: { ...smeAnswer, token: '{{outcome}}', comment: 'Très bien\u0000' },
    status: 400,
    field: 'comment',
  },
  {
    what: 'JSON sent as text/plain',
    headers: textPlain,
    body: JSON.stringify({ token: '{{outcome}}' }),
    status: 415,
  },
  { what: 'a 10 MB body', body: tenMegabytes, status: 413 },
  { what: 'the method DELETE', method: 'DELETE', status: 405 },
]);

const halfDayQuestion = at('GET /api/half-days', [
  { what: 'no token', status: 404 },
  { what: 'an outcome link', path: '/api/half-days?t={{outcome}}', status: 404 },
  { what: 'a calendar link', path: '/api/half-days?t={{calendar}}', status: 404 },
  { what: 'a status link', path: '/api/half-days?t={{status}}', status: 404 },
  { what: 'an expired half-day link', path: '/api/half-days?t={{halfDayExpired}}', status: 404 },
  {
    what: 'a link to a half-day the mission does not have',
    path: '/api/half-days?t={{halfDayUnknown}}',
    status: 404,
  },
  {
    what: 'a half-day link signed with another key',
    path: '/api/half-days?t={{halfDayForged}}',
    status: 404,
  },
]);

const halfDayAnswers = at('POST /api/half-days', [
  { what: 'an empty object', body: {}, status: 400 },
  {
    what: 'an answer that is neither',
    body: { token: '{{halfDay}}', answer: 'peut-être' },
    status: 400,
    field: 'answer',
  },
  {
    what: 'a boolean for the answer',
    body: { token: '{{halfDay}}', answer: true },
    status: 400,
    field: 'answer',
  },
  {
    what: 'a script for the answer',
    body: { token: '{{halfDay}}', answer: script },
    status: 400,
    field: 'answer',
  },
  { what: 'an outcome link', body: { token: '{{outcome}}', answer: 'held' }, status: 404 },
  { what: 'an expired half-day link', body: { token: '{{halfDayExpired}}', answer: 'held' }, status: 404 },
  {
    what: 'the link of a half-day logged done, answering it did not take place',
    body: { token: '{{halfDayDone}}', answer: 'not-held' },
    status: 422,
  },
  {
    what: 'a NUL in the note',
    body: { token: '{{halfDay}}', answer: 'held', note: 'Bien\u0000' },
    status: 400,
    field: 'note',
  },
  {
    what: 'a note of 5 000 characters',
    body: { token: '{{halfDay}}', answer: 'held', note: 'x'.repeat(5000) },
    status: 400,
    field: 'note',
  },
  { what: 'JSON cut short', body: '{"token":"', status: 400 },
  { what: 'a form post', headers: formEncoded, body: 'token={{halfDay}}&answer=held', status: 415 },
  { what: 'a 10 MB body', body: tenMegabytes, status: 413 },
]);

const preferencesPage = at('GET /api/mail-preferences', [
  { what: 'no token', status: 404 },
  { what: 'a status link', path: '/api/mail-preferences?t={{status}}', status: 404 },
  { what: 'an outcome link', path: '/api/mail-preferences?t={{outcome}}', status: 404 },
  {
    what: 'a preferences link signed with another key',
    path: '/api/mail-preferences?t={{preferenceForged}}',
    status: 404,
  },
  {
    what: 'a preferences link « signed » with alg none',
    path: '/api/mail-preferences?t={{preferenceNone}}',
    status: 404,
  },
]);

const withPreference = '/api/mail-preferences?t={{preference}}';
const noChange = { subscribed: [], staffDigestCadence: 'daily' };
const preferencesSaved = at('PUT /api/mail-preferences', [
  {
    what: 'a string for the lists',
    path: withPreference,
    body: { ...noChange, subscribed: 'toutes' },
    status: 400,
    field: 'subscribed',
  },
  {
    what: 'a script for a list',
    path: withPreference,
    body: { ...noChange, subscribed: [script] },
    status: 400,
  },
  {
    what: 'a cadence that does not exist',
    path: withPreference,
    body: { ...noChange, staffDigestCadence: 'hourly' },
    status: 400,
    field: 'staffDigestCadence',
  },
  {
    what: 'no cadence',
    path: withPreference,
    body: { subscribed: [] },
    status: 400,
    field: 'staffDigestCadence',
  },
  {
    what: 'five hundred lists',
    path: withPreference,
    body: { ...noChange, subscribed: Array(500).fill('staff-digest') },
    status: 400,
    field: 'subscribed',
  },
  {
    what: 'the cadence under __proto__',
    path: withPreference,
    body: withProtoKey({ subscribed: [] }, { staffDigestCadence: 'weekly' }),
    status: 400,
    field: 'staffDigestCadence',
  },
  { what: 'no token', body: noChange, status: 404 },
  { what: 'a status link', path: '/api/mail-preferences?t={{status}}', body: noChange, status: 404 },
  {
    what: 'a preferences link signed with another key',
    path: '/api/mail-preferences?t={{preferenceForged}}',
    body: noChange,
    status: 404,
  },
  {
    what: 'JSON sent as text/plain',
    path: withPreference,
    headers: textPlain,
    body: JSON.stringify(noChange),
    status: 415,
  },
  { what: 'a 10 MB body', path: withPreference, body: tenMegabytes, status: 413 },
  { what: 'the method DELETE', method: 'DELETE', path: withPreference, status: 405 },
]);

const withPreferenceToUnsubscribe = '/api/mail-preferences/unsubscribe?t={{preference}}';
const oneClickUnsubscribe = at('POST /api/mail-preferences/unsubscribe', [
  { what: 'no token', headers: formEncoded, body: oneClick, status: 404 },
  {
    what: 'a preferences link signed with another key',
    path: '/api/mail-preferences/unsubscribe?t={{preferenceForged}}',
    headers: formEncoded,
    body: oneClick,
    status: 404,
  },
  {
    what: 'a status link',
    path: '/api/mail-preferences/unsubscribe?t={{status}}',
    headers: formEncoded,
    body: oneClick,
    status: 404,
  },
  {
    what: 'another form field',
    path: withPreferenceToUnsubscribe,
    headers: formEncoded,
    body: 'List-Unsubscribe=Two-Clicks',
    status: 400,
  },
  {
    what: 'a CR LF after One-Click',
    path: withPreferenceToUnsubscribe,
    headers: formEncoded,
    body: `${oneClick}%0D%0ABcc:%20x@example.com`,
    status: 400,
  },
  { what: 'an empty body', path: withPreferenceToUnsubscribe, headers: formEncoded, body: '', status: 400 },
  {
    what: 'a byte that is not UTF-8',
    path: withPreferenceToUnsubscribe,
    headers: formEncoded,
    body: Buffer.from(`${oneClick}\xff`, 'latin1'),
    status: 400,
  },
  { what: 'a 10 MB body', path: withPreferenceToUnsubscribe, body: tenMegabytes, status: 413 },
  { what: 'the method GET', method: 'GET', path: withPreferenceToUnsubscribe, status: 405 },
]);

const publicCalendar = at('GET /api/missions/calendar', [
  { what: 'no token', status: 404 },
  { what: 'an outcome link', path: '/api/missions/calendar?t={{outcome}}', status: 404 },
  { what: 'a half-day link', path: '/api/missions/calendar?t={{halfDay}}', status: 404 },
  { what: 'a status link', path: '/api/missions/calendar?t={{status}}', status: 404 },
  {
    what: 'a calendar link past its date',
    path: '/api/missions/calendar?t={{calendarExpired}}',
    status: 404,
  },
  {
    what: 'a calendar link signed with another key',
    path: '/api/missions/calendar?t={{calendarForged}}',
    status: 404,
  },
  { what: 'a preferences link', path: '/api/missions/calendar?t={{preference}}', status: 404 },
  { what: 'the method POST', method: 'POST', body: {}, status: 405 },
]);

/** Indre's staff (Claire's token) at Cher's records: answered as if they did not exist. */
const cherRecords: HostileCase[] = [
  {
    route: 'GET /api/staff/applications',
    what: 'Cher’s inbox',
    path: '/api/staff/applications?network=cher',
    status: 404,
  },
  {
    route: 'GET /api/staff/applications/{reference}',
    what: 'a Cher application',
    path: '/api/staff/applications/{{cherApplication}}',
    status: 404,
  },
  {
    route: 'POST /api/staff/applications/{reference}/transitions',
    what: 'a Cher application',
    path: '/api/staff/applications/{{cherApplication}}/transitions',
    body: { to: 'withdrawn', version: 2, reason: 'Retrait demandé.' },
    status: 404,
  },
  {
    route: 'POST /api/staff/applications/{reference}/notes',
    what: 'a Cher application',
    path: '/api/staff/applications/{{cherApplication}}/notes',
    body: { text: 'Appelée ce matin.' },
    status: 404,
  },
  {
    route: 'PUT /api/staff/applications/{reference}/opinion',
    what: 'a Cher application',
    path: '/api/staff/applications/{{cherApplication}}/opinion',
    body: { opinion: 'Projet solide.' },
    status: 404,
  },
  {
    route: 'POST /api/staff/records/{reference}/anonymisation',
    what: 'a Cher application',
    path: '/api/staff/records/{{cherApplication}}/anonymisation',
    body: { reason: 'Demande de la personne.' },
    status: 404,
  },
  {
    route: 'GET /api/staff/applications/{reference}/missions',
    what: 'a Cher application',
    path: '/api/staff/applications/{{cherApplication}}/missions',
    status: 404,
  },
  {
    route: 'POST /api/staff/applications/{reference}/missions',
    what: 'a Cher application',
    path: '/api/staff/applications/{{cherApplication}}/missions',
    body: {
      ...staffMission,
      competenceId: 'cher-lean',
      partnerId: 'cher-meca',
      volunteerId: '{{cherVolunteer}}',
    },
    status: 404,
  },
  {
    route: 'GET /api/staff/committees',
    what: 'Cher’s committees',
    path: '/api/staff/committees?network=cher',
    status: 404,
  },
  {
    route: 'GET /api/staff/committees/{id}',
    what: 'a Cher committee',
    path: '/api/staff/committees/{{cherCommittee}}',
    status: 404,
  },
  {
    route: 'POST /api/staff/committees/{id}/decisions',
    what: 'a Cher committee',
    path: '/api/staff/committees/{{cherCommittee}}/decisions',
    body: { decisions: [{ reference: '{{cherApplication}}', version: 2, decision: 'approved' }] },
    status: 404,
  },
  {
    route: 'GET /api/staff/quarantine',
    what: 'Cher’s quarantine',
    path: '/api/staff/quarantine?network=cher',
    status: 404,
  },
  {
    route: 'GET /api/staff/missions/{id}',
    what: 'a Cher mission',
    path: '/api/staff/missions/{{cherMission}}',
    status: 404,
  },
  {
    route: 'PATCH /api/staff/missions/{id}',
    what: 'a Cher mission',
    path: '/api/staff/missions/{{cherMission}}',
    body: { version: 3, plannedHalfDays: 8 },
    status: 404,
  },
  {
    route: 'POST /api/staff/missions/{id}/start',
    what: 'a Cher mission',
    path: '/api/staff/missions/{{cherMission}}/start',
    body: { version: 3 },
    status: 404,
  },
  {
    route: 'POST /api/staff/missions/{id}/interventions',
    what: 'a Cher mission',
    path: '/api/staff/missions/{{cherMission}}/interventions',
    body: { version: 3, date: '{{tomorrow}}', slot: 'morning' },
    status: 404,
  },
  {
    route: 'POST /api/staff/missions/{id}/interventions/{interventionId}',
    what: 'a Cher mission’s half-day',
    path: '/api/staff/missions/{{cherMission}}/interventions/I1',
    body: { action: 'cancel', version: 3 },
    status: 404,
  },
  {
    route: 'POST /api/staff/missions/{id}/closing',
    what: 'a Cher mission',
    path: '/api/staff/missions/{{cherMission}}/closing',
    body: { mode: 'ask', version: 3 },
    status: 404,
  },
  {
    route: 'GET /api/staff/missions/{id}/calendar',
    what: 'a Cher mission',
    path: '/api/staff/missions/{{cherMission}}/calendar?pour=sme',
    status: 404,
  },
  {
    route: 'GET /api/staff/partners',
    what: 'Cher’s partners',
    path: '/api/staff/partners?network=cher',
    status: 404,
  },
  {
    route: 'GET /api/staff/partners/{id}',
    what: 'a Cher partner',
    path: '/api/staff/partners/cher-meca?network=cher',
    status: 404,
  },
  {
    route: 'PUT /api/staff/partners/{id}',
    what: 'a Cher partner',
    path: '/api/staff/partners/cher-meca?network=cher',
    body: { ...staffPartner, version: 1 },
    status: 404,
  },
  {
    route: 'PUT /api/staff/partners/{id}/status',
    what: 'a Cher partner',
    path: '/api/staff/partners/cher-meca/status?network=cher',
    body: { status: 'retired', version: 1 },
    status: 404,
  },
  {
    route: 'GET /api/staff/competences',
    what: 'Cher’s competences',
    path: '/api/staff/competences?network=cher',
    status: 404,
  },
  {
    route: 'POST /api/staff/competences',
    what: 'a competence offered by a Cher partner',
    body: { ...staffCompetence, partnerIds: ['cher-meca'] },
    status: 400,
    field: 'partnerIds.0',
  },
  {
    route: 'PUT /api/staff/competences/{id}',
    what: 'a Cher competence',
    path: '/api/staff/competences/cher-lean?network=cher',
    body: { ...staffCompetence, partnerIds: ['cher-meca'], version: 1 },
    status: 404,
  },
  {
    route: 'PUT /api/staff/competences/{id}/status',
    what: 'a Cher competence',
    path: '/api/staff/competences/cher-lean/status?network=cher',
    body: { status: 'retired', version: 1 },
    status: 404,
  },
  {
    route: 'GET /api/staff/volunteers',
    what: 'Cher’s volunteers',
    path: '/api/staff/volunteers?network=cher',
    status: 404,
  },
  {
    route: 'POST /api/staff/volunteers',
    what: 'a volunteer of a Cher partner',
    body: { ...staffVolunteer, partnerId: 'cher-meca', competences: ['cher-lean'] },
    status: 400,
    field: 'partnerId',
  },
  {
    route: 'PUT /api/staff/volunteers/{id}',
    what: 'a Cher volunteer',
    path: '/api/staff/volunteers/{{cherVolunteer}}?network=cher',
    body: { ...staffVolunteer, partnerId: 'cher-meca', competences: ['cher-lean'], version: 1 },
    status: 404,
  },
  {
    route: 'PUT /api/staff/volunteers/{id}/status',
    what: 'a Cher volunteer',
    path: '/api/staff/volunteers/{{cherVolunteer}}/status?network=cher',
    body: { status: 'retired', version: 1 },
    status: 404,
  },
  {
    route: 'GET /api/staff/partner-offers',
    what: 'Cher’s partner offers',
    path: '/api/staff/partner-offers?network=cher',
    status: 404,
  },
  {
    route: 'POST /api/staff/applications',
    what: 'an SME of Cher',
    body: {
      ...application({ 'company.postcode': '18000', 'company.city': 'Bourges' }),
      source: 'met-by-staff',
    },
    status: 400,
    field: 'company.postcode',
  },
  {
    route: 'GET /api/staff/exports/applications',
    what: 'Cher’s file',
    path: '/api/staff/exports/applications?network=cher&from=2026-01-01&to=2026-12-31',
    status: 404,
  },
  {
    route: 'GET /api/staff/exports/missions',
    what: 'Cher’s file',
    path: '/api/staff/exports/missions?network=cher&from=2026-01-01&to=2026-12-31',
    status: 404,
  },
  {
    route: 'GET /api/staff/exports/interventions',
    what: 'Cher’s file',
    path: '/api/staff/exports/interventions?network=cher&from=2026-01-01&to=2026-12-31',
    status: 404,
  },
  {
    route: 'GET /api/staff/stats',
    what: 'Cher’s figures',
    path: '/api/staff/stats?network=cher',
    status: 404,
  },
  {
    route: 'GET /api/staff/stats',
    what: 'the national roll-up',
    path: '/api/staff/stats?network=national',
    status: 404,
  },
  { route: 'GET /api/staff/suppressions', what: 'the national coordination’s list', status: 404 },
  {
    route: 'POST /api/staff/suppressions/{key}/lift',
    what: 'the national coordination’s list',
    path: '/api/staff/suppressions/cle-inconnue/lift',
    body: { version: 1 },
    status: 404,
  },
];

// Indre's staff at their own records, with what no back-office page sends.

const staffSession = at('GET /api/staff/me', [
  { what: 'the method POST', method: 'POST', body: {}, status: 405 },
  { what: 'dot-dot segments after it', path: '/api/staff/me/../../catalogue', status: 404 },
]);

const inbox = at('GET /api/staff/applications', [
  {
    what: 'a script for a status',
    path: `/api/staff/applications?status=${encodeURIComponent(script)}`,
    status: 400,
    field: 'status',
  },
  {
    what: 'two statuses at once',
    path: '/api/staff/applications?status=received&status=qualified',
    status: 400,
    field: 'status',
  },
  {
    what: 'a path for a network',
    path: '/api/staff/applications?network=..%2Findre',
    status: 400,
    field: 'network',
  },
]);

const recordedByStaff = at('POST /api/staff/applications', [
  { what: 'no source', body: application(), status: 400, field: 'source' },
  { what: 'a script for a source', body: { ...application(), source: script }, status: 400, field: 'source' },
  {
    what: 'the source under __proto__',
    body: withProtoKey(application(), { source: 'met-by-staff' }),
    status: 400,
    field: 'source',
  },
  {
    what: 'an idempotency key and a Bcc header after the address',
    headers: { 'idempotency-key': 'hostile-0001' },
    body: {
      ...application({ 'contact.email': `claire@menuiserie.example.fr${bcc}` }),
      source: 'met-by-staff',
    },
    status: 400,
    field: 'contact.email',
  },
  { what: 'JSON cut short', body: '{"source":"met-by-staff",', status: 400 },
  { what: 'a JSON list', body: '[]', status: 400 },
  {
    what: 'a form post',
    headers: formEncoded,
    body: urlEncoded({ ...application(), source: 'met-by-staff' }).toString(),
    status: 415,
  },
  { what: 'a 10 MB body', body: tenMegabytes, status: 413 },
  { what: 'the method DELETE', method: 'DELETE', status: 405 },
]);

const oneApplication = at('GET /api/staff/applications/{reference}', [
  { what: 'a path for a reference', path: '/api/staff/applications/..%2F..%2Fcatalogue', status: 404 },
  { what: 'a dot-dot for a reference', path: '/api/staff/applications/%2e%2e', status: 404 },
  {
    what: 'a script for a reference',
    path: `/api/staff/applications/${encodeURIComponent(script)}`,
    status: 404,
  },
  { what: 'a NUL in the reference', path: '/api/staff/applications/ALZ-36-2026-%000001', status: 404 },
  {
    what: 'a byte that is not UTF-8 in the reference',
    path: '/api/staff/applications/ALZ-36-2026-%FF',
    status: 404,
  },
  {
    what: 'a reference of 2 000 characters',
    path: `/api/staff/applications/ALZ-36-2026-${'9'.repeat(2000)}`,
    status: 404,
  },
  {
    what: 'a dot-dot segment before it',
    path: '/api/staff/../staff/applications/{{indreApplication}}',
    status: 404,
  },
]);

const withdrawal = { to: 'withdrawn', version: 2, reason: 'Retrait demandé.' };
const transitions = at('POST /api/staff/applications/{reference}/transitions', [
  { what: 'a status that does not exist', body: { ...withdrawal, to: script }, status: 400, field: 'to' },
  { what: 'a negative version', body: { ...withdrawal, version: -1 }, status: 400, field: 'version' },
  { what: 'a version of 1e300', body: { ...withdrawal, version: 1e300 }, status: 400, field: 'version' },
  { what: 'the version as a string', body: { ...withdrawal, version: '2' }, status: 400, field: 'version' },
  { what: 'no version', body: { ...withdrawal, version: undefined }, status: 400, field: 'version' },
  {
    what: 'a NUL in the reason',
    body: { ...withdrawal, reason: 'Retrait\u0000 demandé.' },
    status: 400,
    field: 'reason',
  },
  {
    what: 'a path for a committee',
    body: { to: 'scheduled', version: 2, committeeId: '../../cher' },
    status: 400,
    field: 'committeeId',
  },
  { what: 'a move the lifecycle does not allow', body: { to: 'received', version: 2 }, status: 422 },
]).map((hostile) => ({ ...hostile, path: '/api/staff/applications/{{indreApplication}}/transitions' }));

const notes = at('POST /api/staff/applications/{reference}/notes', [
  { what: 'an empty note', body: { text: '' }, status: 400, field: 'text' },
  { what: 'a note of 5 000 characters', body: { text: 'x'.repeat(5000) }, status: 400, field: 'text' },
  { what: 'a number for a note', body: { text: 42 }, status: 400, field: 'text' },
  {
    what: 'a right-to-left override in the note',
    body: { text: 'Rappeler \u202eIlles' },
    status: 400,
    field: 'text',
  },
]).map((hostile) => ({ ...hostile, path: '/api/staff/applications/{{indreApplication}}/notes' }));

const opinions = at('PUT /api/staff/applications/{reference}/opinion', [
  { what: 'an opinion of two letters', body: { opinion: 'ok' }, status: 400, field: 'opinion' },
  { what: 'a list for an opinion', body: { opinion: ['Projet solide.'] }, status: 400, field: 'opinion' },
]).map((hostile) => ({ ...hostile, path: '/api/staff/applications/{{indreApplication}}/opinion' }));

const committees = at('POST /api/staff/committees', [
  { what: 'the 30th of February', body: { date: '2027-02-30' }, status: 400, field: 'date' },
  { what: 'a thirteenth month', body: { date: '2027-13-10' }, status: 400, field: 'date' },
  { what: 'a script for a date', body: { date: script }, status: 400, field: 'date' },
  { what: 'a number for a date', body: { date: 20290620 }, status: 400, field: 'date' },
  { what: 'a time of 25:00', body: { date: '2029-06-20', time: '25:00' }, status: 400, field: 'time' },
  {
    what: 'a CR LF in the place',
    body: { date: '2029-06-20', place: `Salle du conseil${bcc}` },
    status: 400,
    field: 'place',
  },
]);

const decision = { reference: '{{indreApplication}}', version: 2, decision: 'approved' };
const committee = [
  ...at('GET /api/staff/committees/{id}', [
    {
      what: 'a path for a committee',
      path: '/api/staff/committees/..%2F..%2F..%2Fetc%2Fpasswd',
      status: 404,
    },
  ]),
  ...at('POST /api/staff/committees/{id}/decisions', [
    { what: 'no decision', body: { decisions: [] }, status: 400, field: 'decisions' },
    {
      what: 'sixty-one decisions',
      body: { decisions: Array(61).fill(decision) },
      status: 400,
      field: 'decisions',
    },
    {
      what: 'a script for a reference',
      body: { decisions: [{ ...decision, reference: script }] },
      status: 400,
      field: 'decisions.0.reference',
    },
  ]).map((hostile) => ({ ...hostile, path: '/api/staff/committees/{{indreCommittee}}/decisions' })),
];

const quarantine = [
  ...at('POST /api/staff/quarantine/{reference}/release', [
    {
      what: 'a reference nothing holds',
      path: '/api/staff/quarantine/ALZ-36-2026-999999/release',
      status: 404,
    },
  ]),
  ...at('DELETE /api/staff/quarantine/{reference}', [
    { what: 'a path for a reference', path: '/api/staff/quarantine/..%2F{{indreApplication}}', status: 404 },
  ]),
];

const privacy = [
  ...at('GET /api/staff/people', [
    { what: 'no address', status: 400, field: 'email' },
    {
      what: 'a Bcc header after the address',
      path: `/api/staff/people?email=${encodeURIComponent(`claire@example.fr${bcc}`)}`,
      status: 400,
      field: 'email',
    },
    {
      what: 'a script for an address',
      path: `/api/staff/people?email=${encodeURIComponent(`${script}@example.fr`)}`,
      status: 400,
      field: 'email',
    },
  ]),
  ...at('POST /api/staff/records/{reference}/anonymisation', [
    { what: 'a reason of one letter', body: { reason: 'x' }, status: 400, field: 'reason' },
    { what: 'no reason', body: {}, status: 400, field: 'reason' },
  ]).map((hostile) => ({ ...hostile, path: '/api/staff/records/{{indreApplication}}/anonymisation' })),
];

const exports = [
  ...at('GET /api/staff/exports/applications', [
    { what: 'no dates', status: 400 },
    {
      what: 'an end before the start',
      path: '/api/staff/exports/applications?from=2027-01-31&to=2027-01-01',
      status: 400,
      field: 'to',
    },
    {
      what: 'the 30th of February',
      path: '/api/staff/exports/applications?from=2027-02-30&to=2027-03-31',
      status: 400,
      field: 'from',
    },
  ]),
  ...at('GET /api/staff/exports/missions', [
    {
      what: 'a path for a date',
      path: '/api/staff/exports/missions?from=..%2F..&to=2027-01-01',
      status: 400,
      field: 'from',
    },
  ]),
  ...at('GET /api/staff/exports/interventions', [
    {
      what: 'a script for a date',
      path: `/api/staff/exports/interventions?from=2027-01-01&to=${encodeURIComponent(script)}`,
      status: 400,
      field: 'to',
    },
  ]),
];

const partners = [
  ...at('GET /api/staff/partners', [{ what: 'the method PATCH', method: 'PATCH', body: {}, status: 405 }]),
  ...at('POST /api/staff/partners', [
    {
      what: 'a SIRET that fails its check digit',
      body: { ...staffPartner, siret: '90100001000108' },
      status: 400,
      field: 'siret',
    },
    {
      what: 'a Bcc header after the contact’s address',
      body: {
        ...staffPartner,
        contact: { ...staffPartner.contact, email: `agnes@fonderie.example.com${bcc}` },
      },
      status: 400,
      field: 'contact.email',
    },
    { what: 'a script for a name', body: { ...staffPartner, name: script }, status: 400, field: 'name' },
    { what: 'no contact', body: { ...staffPartner, contact: undefined }, status: 400, field: 'contact' },
    {
      what: 'the contact under __proto__',
      body: withProtoKey({ ...staffPartner, contact: undefined }, { contact: staffPartner.contact }),
      status: 400,
      field: 'contact',
    },
  ]),
  ...at('GET /api/staff/partners/{id}', [
    { what: 'a path for a partner', path: '/api/staff/partners/..%2Fcher-meca?network=indre', status: 404 },
  ]),
  ...at('PUT /api/staff/partners/{id}', [
    {
      what: 'no version',
      path: '/api/staff/partners/indre-aero?network=indre',
      body: staffPartner,
      status: 400,
      field: 'version',
    },
  ]),
  ...at('PUT /api/staff/partners/{id}/status', [
    {
      what: 'a status that does not exist',
      path: '/api/staff/partners/indre-aero/status?network=indre',
      body: { status: 'deleted', version: 1 },
      status: 400,
      field: 'status',
    },
  ]),
];

const competences = [
  ...at('POST /api/staff/competences', [
    {
      what: 'a domain that does not exist',
      body: { ...staffCompetence, category: script },
      status: 400,
      field: 'category',
    },
    { what: 'no partner', body: { ...staffCompetence, partnerIds: [] }, status: 400, field: 'partnerIds' },
    {
      what: 'forty-one partners',
      body: { ...staffCompetence, partnerIds: Array.from({ length: 41 }, (_, index) => `indre-p${index}`) },
      status: 400,
      field: 'partnerIds',
    },
  ]),
  ...at('PUT /api/staff/competences/{id}', [
    {
      what: 'a version of zero',
      path: '/api/staff/competences/indre-lean?network=indre',
      body: { ...staffCompetence, version: 0 },
      status: 400,
      field: 'version',
    },
  ]),
  ...at('PUT /api/staff/competences/{id}/status', [
    {
      what: 'no status',
      path: '/api/staff/competences/indre-lean/status?network=indre',
      body: { version: 1 },
      status: 400,
      field: 'status',
    },
  ]),
];

const volunteers = [
  ...at('POST /api/staff/volunteers', [
    {
      what: 'a Bcc header after the address',
      body: { ...staffVolunteer, email: `lea@aero.example.com${bcc}` },
      status: 400,
      field: 'email',
    },
    {
      what: 'a CR LF in the first name',
      body: { ...staffVolunteer, firstName: `Léa${bcc}` },
      status: 400,
      field: 'firstName',
    },
    {
      what: 'a string for the competences',
      body: { ...staffVolunteer, competences: 'indre-iso-9001' },
      status: 400,
      field: 'competences',
    },
    {
      what: 'a script for the last name',
      body: { ...staffVolunteer, lastName: script },
      status: 400,
      field: 'lastName',
    },
  ]),
  ...at('PUT /api/staff/volunteers/{id}', [
    {
      what: 'the version as a word',
      path: '/api/staff/volunteers/{{indreVolunteer}}?network=indre',
      body: { ...staffVolunteer, version: 'un' },
      status: 400,
      field: 'version',
    },
  ]),
  ...at('PUT /api/staff/volunteers/{id}/status', [
    {
      what: 'a status that does not exist',
      path: '/api/staff/volunteers/{{indreVolunteer}}/status?network=indre',
      body: { status: 'fired', version: 1 },
      status: 400,
      field: 'status',
    },
  ]),
];

const partnerOffers = at('POST /api/staff/partner-offers/{reference}/partner', [
  { what: 'an offer that does not exist', body: { sector: 'Aéronautique' }, status: 404 },
  { what: 'no sector', body: {}, status: 400, field: 'sector' },
]).map((hostile) => ({ ...hostile, path: '/api/staff/partner-offers/PART-36-2026-999999/partner' }));

const missions = [
  ...at('GET /api/staff/applications/{reference}/missions', [
    {
      what: 'a path for a reference',
      path: '/api/staff/applications/..%2F{{cherApplication}}/missions',
      status: 404,
    },
  ]),
  ...at('POST /api/staff/applications/{reference}/missions', [
    {
      what: 'no half-day planned',
      body: { ...staffMission, plannedHalfDays: 0 },
      status: 400,
      field: 'plannedHalfDays',
    },
    {
      what: 'four hundred and one half-days',
      body: { ...staffMission, plannedHalfDays: 401 },
      status: 400,
      field: 'plannedHalfDays',
    },
    {
      what: 'a thirteenth month',
      body: { ...staffMission, startDate: '2027-13-01' },
      status: 400,
      field: 'startDate',
    },
    {
      what: 'a word for a date',
      body: { ...staffMission, endDate: 'demain' },
      status: 400,
      field: 'endDate',
    },
    {
      what: 'a path for a volunteer',
      body: { ...staffMission, volunteerId: '../cher-v-meca-1' },
      status: 400,
      field: 'volunteerId',
    },
  ]).map((hostile) => ({ ...hostile, path: '/api/staff/applications/{{indreApplication}}/missions' })),
  ...at('GET /api/staff/missions/{id}', [
    { what: 'a path for a mission', path: '/api/staff/missions/..%2F{{cherMission}}', status: 404 },
  ]),
  ...at('PATCH /api/staff/missions/{id}', [
    { what: 'the version as a word', body: { version: 'trois' }, status: 400, field: 'version' },
    {
      what: 'minus one half-day',
      body: { version: 3, plannedHalfDays: -1 },
      status: 400,
      field: 'plannedHalfDays',
    },
    {
      what: 'a thirteenth month',
      body: { version: 3, endDate: '2027-13-01' },
      status: 400,
      field: 'endDate',
    },
  ]).map((hostile) => ({ ...hostile, path: '/api/staff/missions/{{indreMission}}' })),
  ...at('POST /api/staff/missions/{id}/start', [
    {
      what: 'no version',
      path: '/api/staff/missions/{{indreMission}}/start',
      body: {},
      status: 400,
      field: 'version',
    },
  ]),
  ...at('POST /api/staff/missions/{id}/interventions', [
    {
      what: 'a slot at night',
      body: { version: 3, date: '{{tomorrow}}', slot: 'night' },
      status: 400,
      field: 'slot',
    },
    {
      what: 'the 29th of February 2027',
      body: { version: 3, date: '2027-02-29', slot: 'morning' },
      status: 400,
      field: 'date',
    },
    {
      what: 'a script for a date',
      body: { version: 3, date: script, slot: 'morning' },
      status: 400,
      field: 'date',
    },
    {
      what: 'a string for « remote »',
      body: { version: 3, date: '{{tomorrow}}', slot: 'morning', remote: 'oui' },
      status: 400,
      field: 'remote',
    },
    {
      what: 'a CR LF in the place',
      body: { version: 3, date: '{{tomorrow}}', slot: 'morning', place: `Atelier${bcc}` },
      status: 400,
      field: 'place',
    },
  ]).map((hostile) => ({ ...hostile, path: '/api/staff/missions/{{indreMission}}/interventions' })),
  ...at('POST /api/staff/missions/{id}/interventions/{interventionId}', [
    {
      what: 'an action that does not exist',
      body: { action: 'explode', version: 3 },
      status: 400,
      field: 'action',
    },
    {
      what: 'a new date missing',
      body: { action: 'reschedule', version: 3, slot: 'morning' },
      status: 400,
      field: 'date',
    },
    {
      what: 'a new date that is a path',
      body: { action: 'reschedule', version: 3, date: '../..', slot: 'morning' },
      status: 400,
      field: 'date',
    },
    {
      what: 'a path for a half-day',
      path: '/api/staff/missions/{{indreMission}}/interventions/..%2FI1',
      body: { action: 'cancel', version: 3 },
      status: 422,
    },
  ]).map((hostile) => ({ path: '/api/staff/missions/{{indreMission}}/interventions/I1', ...hostile })),
  ...at('POST /api/staff/missions/{id}/closing', [
    { what: 'outcomes without the SME’s', body: { mode: 'outcomes', version: 3 }, status: 400, field: 'sme' },
    {
      what: 'a satisfaction of 9',
      body: { mode: 'outcomes', version: 3, sme: { jobsCreated: 0, jobsMaintained: 3, satisfaction: 9 } },
      status: 400,
      field: 'sme.satisfaction',
    },
  ]).map((hostile) => ({ ...hostile, path: '/api/staff/missions/{{indreMission}}/closing' })),
  ...at('GET /api/staff/missions/{id}/calendar', [
    {
      what: 'a script for whom it is',
      path: `/api/staff/missions/{{indreMission}}/calendar?pour=${encodeURIComponent(script)}`,
      status: 400,
      field: 'pour',
    },
  ]),
];

const suppressionsAndFigures = [
  ...at('POST /api/staff/suppressions/{key}/lift', [
    { what: 'a key nothing blocks', as: 'nadia', body: { version: 1 }, status: 404 },
    { what: 'the version as a word', as: 'nadia', body: { version: 'un' }, status: 400, field: 'version' },
  ]).map((hostile) => ({ ...hostile, path: '/api/staff/suppressions/cle-inconnue/lift' })),
  ...at('GET /api/staff/stats', [
    { what: 'a thirteenth month', path: '/api/staff/stats?month=2027-13', status: 400, field: 'month' },
    {
      what: 'a format that does not exist',
      path: '/api/staff/stats?format=pdf',
      status: 400,
      field: 'format',
    },
  ]),
];

const corpus: HostileCase[] = [
  ...contactForm,
  ...applicationForm,
  ...partnerForm,
  ...catalogue,
  ...statusPage,
  ...statusLinkRequests,
  ...outcomeForm,
  ...outcomeAnswers,
  ...halfDayQuestion,
  ...halfDayAnswers,
  ...preferencesPage,
  ...preferencesSaved,
  ...oneClickUnsubscribe,
  ...publicCalendar,
  ...cherRecords.map((hostile) => ({ ...hostile, what: `Indre’s token on ${hostile.what}` })),
  ...staffSession,
  ...inbox,
  ...recordedByStaff,
  ...oneApplication,
  ...transitions,
  ...notes,
  ...opinions,
  ...committees,
  ...committee,
  ...quarantine,
  ...privacy,
  ...exports,
  ...partners,
  ...competences,
  ...volunteers,
  ...partnerOffers,
  ...missions,
  ...suppressionsAndFigures,
];

// ——— The fixtures the corpus aims at ———

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** The claims a link carries, with no signature at all (`alg: none`). */
const unsigned = (claims: Record<string, unknown>) => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
/** One token's claims under another token's signature. */
const withClaimsOf = (signed: string, other: string) => {
  const [header, , signature] = signed.split('.');
  return `${header}.${other.split('.')[1]}.${signature}`;
};
const forgedKey = async () =>
  new TextEncoder().encode('une clé que le site ne connaît pas, bien assez longue');

const givenFixture = async (): Promise<Fixture> => {
  const now = new Date();
  const day = (offset: number) => addDays(parisIsoDate(now), offset);
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const seconds = Math.floor(now.getTime() / 1000);

  // Indre: an approved application, and an active mission with a half-day planned yesterday and one done
  const indreApplication = await givenApplication('approved');
  const volunteer = await givenVolunteer();
  const inProgress = await givenApplicationAt(daysAgo(60).toISOString(), { status: 'in-progress' });
  const mission = await givenMissionAt(inProgress, volunteer, daysAgo(10).toISOString(), {
    startedAt: daysAgo(30).toISOString(),
    startDate: day(-30),
    endDate: day(200),
    interventions: [halfDay('I1', day(-1)), halfDay('I2', day(-2), 'done')],
  });
  // …and a closed mission whose SME answered its outcome form already
  const closedApplication = await givenApplicationAt(daysAgo(90).toISOString(), { status: 'closed' });
  const closed = await givenMissionAt(closedApplication, volunteer, daysAgo(5).toISOString(), {
    status: 'closed',
    closedAt: daysAgo(5).toISOString(),
    outcomes: {
      sme: { jobsCreated: 1, jobsMaintained: 3, satisfaction: 4, at: daysAgo(5).toISOString(), by: 'sme' },
      followUps: [],
    },
  });
  // Cher: an application with a mission, a volunteer and a committee
  const cherVolunteer = await givenVolunteer({
    network: 'cher',
    partnerId: 'cher-meca',
    competences: ['cher-lean'],
  });
  const cherApplication = await givenApplicationAt(daysAgo(60).toISOString(), {
    network: 'cher',
    status: 'in-progress',
  });
  const cherMission = await givenMissionAt(cherApplication, cherVolunteer, daysAgo(10).toISOString(), {
    competenceId: 'cher-lean',
    interventions: [halfDay('I1', day(3))],
  });
  const indreCommittee = await givenCommittee('indre', '2029-06-13');
  const cherCommittee = await givenCommittee('cher', '2029-06-14');

  // Signed links of every kind, made by the functions' own signers (which makes their keys now)
  const links = missionLinkSigner();
  const forger = missionLinks(forgedKey);
  const sme = { missionId: mission.id, role: 'sme' as const };
  const outcome = await links.signOutcome({ ...sme, ask: 'closing' }, now);
  const inSixMonths = new Date(now.getTime() + 200 * 86_400_000);
  const personKey = await personKeyMaker().of(volunteer.email);
  const preferenceClaims = { personKey, list: 'intervention-reminders' as const };
  const tokens = staffTokens(cloud().issuer);
  return {
    indreApplication,
    indreMission: mission.id,
    indreVolunteer: volunteer.id,
    indreVolunteerPartner: volunteer.partnerId,
    indreCommittee: indreCommittee.id,
    cherApplication: cherApplication.reference,
    cherMission: cherMission.id,
    cherVolunteer: cherVolunteer.id,
    cherCommittee: cherCommittee.id,
    tomorrow: day(1),
    inAMonth: day(30),
    outcome,
    outcomeAnswered: await links.signOutcome({ missionId: closed.id, role: 'sme', ask: 'closing' }, now),
    outcomeExpired: await links.signOutcome({ ...sme, ask: 'closing' }, daysAgo(61)),
    outcomeForged: await forger.signOutcome({ ...sme, ask: 'closing' }, now),
    outcomeTampered: withClaimsOf(
      outcome,
      await links.signOutcome({ missionId: cherMission.id, role: 'sme', ask: 'closing' }, daysAgo(1)),
    ),
    outcomeVolunteerFollowUp: await links.signOutcome(
      { ...sme, role: 'volunteer', ask: 'follow-up-12' },
      now,
    ),
    outcomeUnknownMission: await links.signOutcome(
      { missionId: 'ALZ-36-2026-999999-M1', role: 'sme', ask: 'closing' },
      now,
    ),
    calendar: await links.signCalendar(sme, inSixMonths, now),
    calendarExpired: await links.signCalendar(sme, daysAgo(1), daysAgo(30)),
    calendarForged: await forger.signCalendar(sme, inSixMonths, now),
    halfDay: await links.signHalfDay({ ...sme, interventionId: 'I1' }, now),
    halfDayDone: await links.signHalfDay({ ...sme, interventionId: 'I2' }, now),
    halfDayExpired: await links.signHalfDay({ ...sme, interventionId: 'I1' }, daysAgo(15)),
    halfDayUnknown: await links.signHalfDay({ ...sme, interventionId: 'I99' }, now),
    halfDayForged: await forger.signHalfDay({ ...sme, interventionId: 'I1' }, now),
    status: await statusLinkSigner().sign(inProgress.reference, now),
    statusExpired: await statusLinkSigner().sign(inProgress.reference, daysAgo(61)),
    statusForged: await statusLinks(forgedKey).sign(inProgress.reference, now),
    statusNone: unsigned({
      sub: inProgress.reference,
      aud: 'alize:status-page',
      iat: seconds,
      exp: seconds + 3600,
    }),
    statusUnknown: await statusLinkSigner().sign('ALZ-36-2026-999999', now),
    preference: await preferenceLinkSigner().sign(preferenceClaims, now),
    preferenceForged: await preferenceLinks(forgedKey).sign(preferenceClaims, now),
    preferenceNone: unsigned({
      sub: personKey,
      aud: 'alize:mail-preferences',
      list: preferenceClaims.list,
      iat: seconds,
    }),
    staffAccess: await tokens.access('claire.bernard@initiative-indre.example.org'),
    claire: await tokens.access('claire.bernard@initiative-indre.example.org'),
    nadia: await tokens.access('nadia.roussel@astrees.example.org'),
  };
};

// ——— Sending a case, and what must stay as it was ———

const routeOf = (key: string) => {
  const route = (routes as readonly RouteDefinition[]).find((candidate) => routeKey(candidate) === key);
  if (!route) throw new Error(`No route ${key} in shared/routes.ts`);
  return route;
};

const fill = (template: string, fixture: Fixture) =>
  template.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
    const value = fixture[name];
    if (value === undefined) throw new Error(`No fixture {{${name}}}`);
    return value;
  });

const send = (hostile: HostileCase, fixture: Fixture) => {
  const route = routeOf(hostile.route);
  const path = fill(hostile.path ?? route.path, fixture);
  const body =
    hostile.body === undefined || Buffer.isBuffer(hostile.body)
      ? hostile.body
      : fill(typeof hostile.body === 'string' ? hostile.body : JSON.stringify(hostile.body), fixture);
  const headers = Object.fromEntries(
    Object.entries({
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(path.startsWith('/api/staff/') ? bearer(fixture[hostile.as ?? 'claire']) : {}),
      ...hostile.headers,
    }).filter(([, value]) => value !== ''),
  );
  return raw(path, body, headers, hostile.method ?? route.method);
};

/**
 * Every item of the data table, by key, as stored. Left out: the hourly counters of the public posts
 * and the day's salt that keys them, which a refused post moves too (counting them is the limit's job).
 */
const tableItems = async () => {
  const client = createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb));
  const items = new Map<string, string>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: config().dataTableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) {
      const key = `${item.pk} ${item.sk}`;
      if (String(item.pk).startsWith('RATE#') || item.pk === 'SALT#client-address') continue;
      items.set(key, JSON.stringify(item));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return items;
};

const differences = (before: Map<string, string>, after: Map<string, string>) => ({
  added: [...after.keys()].filter((key) => !before.has(key)),
  removed: [...before.keys()].filter((key) => !after.has(key)),
  changed: [...after.keys()].filter((key) => before.has(key) && before.get(key) !== after.get(key)),
});

// A French sentence: an accented letter, a French apostrophe or guillemet, or a French word.
const french =
  /[àâçéèêëîïôûùüœ’«»]|\b(?:le|la|les|de|du|des|une?|au|aux|est|pas|plus|cette|votre|vous|inconnue?|choisissez)\b/i;
// What a stack trace or an unhandled error would leave in a body.
const leak = /\bError\b|\bat [\w.$<>]+ \(|node:internal|\.ts:\d+|\/functions\//;

describe('hostile input, across every route', () => {
  const run = {} as {
    fixture: Fixture;
    items: Map<string, string>;
    mails: string[];
    prototype: string[];
  };

  beforeAll(async () => {
    run.fixture = await givenFixture();
    // Given the table and the mailbox as the fixtures left them
    run.items = await tableItems();
    run.mails = (await mail().all()).map((stored) => stored.messageId);
    run.prototype = Object.getOwnPropertyNames(Object.prototype);
  });

  it('is a corpus of at least 150 requests', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
  });

  it('aims at every route of shared/routes.ts', () => {
    const aimed = new Set(corpus.map((hostile) => hostile.route));
    expect((routes as readonly RouteDefinition[]).map(routeKey).filter((key) => !aimed.has(key))).toEqual([]);
  });

  describe.concurrent('each request', () => {
    it.for(corpus)('answers $status to $route sent with $what', async (hostile, { expect }) => {
      // When the request is sent
      const answer = await send(hostile, run.fixture);

      // Then the status expected, as JSON, in French, without a stack or the markup sent
      expect(answer.status).toBe(hostile.status);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      const body = JSON.parse(answer.text) as {
        message?: string;
        errors?: { field: string; message: string }[];
      };
      expect(body.message).toMatch(french);
      expect(typographyFaults(body.message ?? '')).toEqual([]);
      for (const error of body.errors ?? []) expect(error.message).toMatch(french);
      expect(answer.text).not.toMatch(leak);
      expect(answer.text).not.toMatch(/<script/i);
      if (hostile.field) expect(body.errors?.map((error) => error.field)).toContain(hostile.field);
    });
  });

  describe('once every request is answered', () => {
    it('leaves every item of the data table as it was', async () => {
      expect(differences(run.items, await tableItems())).toEqual({ added: [], removed: [], changed: [] });
    });

    it('sends no mail', async () => {
      expect((await mail().all()).map((stored) => stored.messageId)).toEqual(run.mails);
    });

    it('adds nothing to Object.prototype, though the functions ran in this very process', () => {
      expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(run.prototype);
    });
  });
});
