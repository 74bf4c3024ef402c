import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { StaleVersionError } from '../../functions/domain/applications/lifecycle.ts';
import { staleRecord, statusChange } from '../../functions/domain/directory/directory.ts';
import { planOfferAcceptance } from '../../functions/domain/directory/partner-offer.ts';
import {
  IdempotencyKeyReusedError,
  SubmissionInProgressError,
  TooManySubmissionsError,
  UnknownNetworkError,
} from '../../functions/domain/errors.ts';
import {
  noticeStatuses,
  renderApplicantNotice,
  renderStatusLink,
} from '../../functions/email/templates/applicant-notices.ts';
import {
  type ApplicationMailModel,
  renderApplicationAcknowledgement,
  renderApplicationNotification,
} from '../../functions/email/templates/application-mails.ts';
import {
  type ContactMessageMailModel,
  renderContactAcknowledgement,
  renderContactNotification,
} from '../../functions/email/templates/contact-message-mails.ts';
import { renderDeliveryFailed } from '../../functions/email/templates/delivery-failed.ts';
import {
  type PartnerOfferMailModel,
  renderPartnerOfferAcknowledgement,
  renderPartnerOfferNotification,
} from '../../functions/email/templates/partner-offer-mails.ts';
import {
  applicationAcceptedPage,
  contactAcceptedPage,
  partnerOfferAcceptedPage,
} from '../../functions/http/pages/accepted-pages.ts';
import { renderAnswerPage } from '../../functions/http/pages/answer-page.ts';
import { statusLinkAnswer } from '../../functions/use-cases/applications/application-status.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { applicationSchema } from '../../shared/application.ts';
import { contactMessageSchema } from '../../shared/contact-message.ts';
import { partnerOfferSchema } from '../../shared/partner-offer.ts';
import { fieldErrors, fieldPaths } from '../../shared/validation.ts';
import { readableText, typographyFaults } from '../support/typography.ts';

const settings = readSettingsFile();
const [indre] = settings.networks;
if (!indre) throw new Error('the demo settings hold no network');

// What people typed is shown as they typed it: these fixtures write French as it should be written.
const application: ApplicationMailModel = {
  reference: 'ALZ-36-2026-0042',
  receivedAt: '2026-12-01T19:13:00Z',
  network: indre,
  company: {
    name: 'Menuiserie Martin',
    siret: '73282932000074',
    nafCode: '16.23Z',
    nafLabel: 'Fabrication de charpentes et d’autres menuiseries',
    employees: 12,
    postcode: '36000',
    communeName: 'Châteauroux',
    communeCode: '36044',
    createdYear: 1998,
    website: 'https://menuiserie-martin.example.fr',
  },
  contact: {
    firstName: 'Claire',
    lastName: 'Martin',
    role: 'Gérante',
    email: 'claire@menuiserie.example.fr',
    phone: '02 54 00 00 00',
  },
  project: {
    title: 'Certification ISO 9001',
    description: 'Nos clients nous demandent une certification\u00a0: nous voulons nous y préparer.',
    competences: [{ id: 'indre-iso-9001', label: 'Préparer une certification ISO 9001' }],
    jobsToCreate: 2,
    jobsToMaintain: 12,
    desiredStart: '2027-03',
  },
  siteUrl: 'https://alize.example.org',
};

const partnerOffer: PartnerOfferMailModel = {
  reference: 'PART-36-2026-0003',
  receivedAt: '2026-07-14T06:05:00Z',
  network: indre,
  company: {
    name: 'Berry Aéro',
    siret: '73282932000074',
    postcode: '36100',
    communeName: 'Issoudun',
    communeCode: '36088',
  },
  contact: { firstName: 'Paul', lastName: 'Durand', email: 'paul@berry.example.fr' },
  offer: {
    categories: ['quality'],
    skills: 'Qualité aéronautique et audits.',
    volunteers: 4,
    message: 'Merci.',
  },
  siteUrl: 'https://alize.example.org',
};

const contactMessage = (national: boolean): ContactMessageMailModel => ({
  reference: national ? 'MSG-FR-2026-0001' : 'MSG-36-2026-0002',
  receivedAt: '2026-03-29T01:00:00Z',
  answeredBy: { ...(national ? settings.national : indre), national },
  message: {
    name: 'Sophie Bernard',
    email: 'sophie@example.fr',
    phone: '02 54 00 00 00',
    organisation: 'Atelier Bernard',
    postcode: '36000',
    subject: 'Une question',
    message: 'Mon entreprise peut-elle être accompagnée\u00a0?',
  },
  siteUrl: 'https://alize.example.org',
});

const mails = {
  'application acknowledgement': renderApplicationAcknowledgement(application),
  'application notification': renderApplicationNotification(application),
  'application notification, one held back': renderApplicationNotification({
    ...application,
    quarantined: 1,
  }),
  'application notification, three held back': renderApplicationNotification({
    ...application,
    quarantined: 3,
  }),
  'partner offer acknowledgement': renderPartnerOfferAcknowledgement(partnerOffer),
  'partner offer notification': renderPartnerOfferNotification({ ...partnerOffer, quarantined: 2 }),
  'contact acknowledgement, network': renderContactAcknowledgement(contactMessage(false)),
  'contact acknowledgement, national': renderContactAcknowledgement(contactMessage(true)),
  'contact notification, national': renderContactNotification({ ...contactMessage(true), quarantined: 1 }),
  'application acknowledgement with its status link': renderApplicationAcknowledgement({
    ...application,
    statusUrl: 'https://alize.example.org/suivi/?t=abc',
  }),
  'application notification recorded by staff': renderApplicationNotification({
    ...application,
    recordedBy: 'claire.bernard@initiative-indre.example.org',
    backOfficeUrl: 'https://alize.example.org/espace-equipe/candidature/?ref=ALZ-36-2026-0042',
  }),
  ...Object.fromEntries(
    noticeStatuses.map((to) => [
      `applicant notice: ${to}`,
      renderApplicantNotice({
        reference: 'ALZ-36-2026-0042',
        network: indre,
        contact: { firstName: 'Claire', lastName: 'Martin' },
        companyName: 'Menuiserie Martin',
        projectTitle: 'Obtenir la certification ISO 9001',
        to,
        reason: to === 'approved' ? undefined : 'Le plan de financement doit être précisé : merci.',
        committee: { date: '2027-03-01', time: '14:30', place: 'Châteauroux' },
        orientation: to === 'ineligible' ? 'loan-network' : undefined,
        statusUrl: 'https://alize.example.org/suivi/?t=abc',
      }),
    ]),
  ),
  'new status link': renderStatusLink({
    reference: 'ALZ-36-2026-0042',
    network: indre,
    contact: { firstName: 'Claire', lastName: 'Martin' },
    statusUrl: 'https://alize.example.org/suivi/?t=abc',
  }),
  'undelivered mail alert': renderDeliveryFailed({
    network: indre,
    failedSubject: 'Votre demande Alizé ALZ-36-2026-0042 est bien enregistrée',
    recipients: ['claire@menuiserie.example.fr'],
    attempts: 8,
    firstQueuedAt: '2026-12-01T08:00:00Z',
  }),
};

const accepted = { reference: 'ALZ-36-2026-0042', network: { id: 'indre', name: 'Alizé Indre' } };
const pages = {
  'application accepted': renderAnswerPage(applicationAcceptedPage(settings.networks, accepted)),
  'partner offer accepted': renderAnswerPage(partnerOfferAcceptedPage(settings.networks, accepted)),
  'contact accepted, national': renderAnswerPage(
    contactAcceptedPage(settings.networks, { reference: 'MSG-FR-2026-0001', network: null }),
  ),
  ...Object.fromEntries(
    [400, 409, 413, 415, 422, 429, 500].map((status) => [
      `error ${status}`,
      renderAnswerPage({
        kind: 'error',
        status,
        formPage: '/candidater/',
        error: {
          error: 'x',
          message: 'Réessayez dans quelques minutes.',
          ...(status === 400
            ? { errors: [{ field: 'company.siret', message: 'Le SIRET compte 14 chiffres.' }] }
            : {}),
        },
      }),
    ]),
  ),
};

describe('French typography in what the functions write', () => {
  it.each(Object.entries(mails))('the %s mail: subject, text and HTML', (_name, mail) => {
    for (const text of [mail.subject, mail.text, readableText(mail.html)]) {
      expect(typographyFaults(text)).toEqual([]);
    }
  });

  it.each(Object.entries(pages))('the no-JavaScript answer page: %s', (_name, page) => {
    expect(typographyFaults(readableText(page))).toEqual([]);
  });

  it('dates every mail as French writes it: « le 1er décembre 2026 à 20 h 13 »', () => {
    expect(mails['application notification'].text).toContain('le 1er décembre 2026 à 20\u00a0h\u00a013,');
    expect(mails['partner offer notification'].text).toContain('le 14 juillet 2026 à 8\u00a0h\u00a005,');
    // The night the clocks go forward: 01:00 UTC is 03:00 in Paris
    expect(mails['contact notification, national'].text).toContain('le 29 mars 2026 à 3\u00a0h,');
  });

  it('makes one claim about missions, the same in the mail and on the page', () => {
    const claim =
      'missions courtes d’environ 3 jours en moyenne, souvent par demi-journées, étalées sur 12 à 18 mois';
    expect(mails['application acknowledgement'].text).toContain(claim);
    expect(mails['partner offer acknowledgement'].text).toContain(claim);
    expect(pages['application accepted']).toContain(claim);
    expect(pages['partner offer accepted']).toContain(claim);
    for (const text of [...Object.values(mails).map((m) => m.text), ...Object.values(pages)]) {
      expect(text).not.toMatch(/trois jours au total|des grandes entreprises/);
    }
  });

  it('holds the SIRET and the phone numbers together with no-break spaces', () => {
    const text = mails['application acknowledgement'].text;
    expect(text).toContain('732\u00a0829\u00a0320\u00a000074');
    expect(text).toContain('Tél.\u00a002\u00a061\u00a091\u00a036\u00a000');
  });
});

/** Every message a schema can give, from a battery of wrong values tried on each of its fields. */
const messagesOf = (schema: z.ZodMiniObject, valid: Record<string, unknown>) => {
  const wrongs: unknown[] = [
    undefined,
    null,
    '',
    ' ',
    42,
    1.5,
    true,
    {},
    [],
    ['x', 'x'],
    'x',
    '0x1A',
    '\u0000',
    'a\nb',
    '\u202e',
    '\u200b',
    '<b>',
    '\ufffd',
    'é@exemple.fr',
    'x'.repeat(6000),
  ];
  const messages = new Set<string>();
  for (const path of fieldPaths(schema)) {
    for (const wrong of wrongs) {
      const value = structuredClone(valid) as Record<string, unknown>;
      const keys = path.split('.');
      let node = value;
      for (const key of keys.slice(0, -1)) node = (node[key] ?? {}) as Record<string, unknown>;
      node[keys[keys.length - 1] as string] = wrong;
      const result = schema.safeParse(value);
      if (!result.success) for (const error of fieldErrors(result.error)) messages.add(error.message);
    }
  }
  return [...messages];
};

describe('French typography in the error messages people read', () => {
  it.each([
    ['application', applicationSchema],
    ['partner offer', partnerOfferSchema],
    ['contact message', contactMessageSchema],
  ] as const)('every message the %s schema gives', (_name, schema) => {
    const messages = messagesOf(schema, {
      company: {},
      contact: {},
      project: {},
      offer: {},
    });

    expect(messages.length).toBeGreaterThan(20);
    const faulty = messages.filter((message) => typographyFaults(message).length > 0);
    expect(faulty).toEqual([]);
  });

  it('every message the domain errors give', () => {
    const messages = [
      new UnknownNetworkError('bretagne').message,
      new TooManySubmissionsError(600).message,
      new TooManySubmissionsError(30).message,
      new SubmissionInProgressError().message,
      new IdempotencyKeyReusedError().message,
      new StaleVersionError(undefined).message,
      ...(['partner', 'volunteer', 'competence'] as const).flatMap((kind) => [
        staleRecord(kind, undefined).message,
        refusalOf(() => statusChange(kind, { status: 'retired' }, 'retired')),
        refusalOf(() => statusChange(kind, { status: 'active' }, 'active')),
      ]),
      refusalOf(() => planOfferAcceptance({ status: 'closed' }, 'X', { id: 'a', name: 'a' }, new Date())),
      planOfferAcceptance({ status: 'received' }, 'Berry Aéro', { id: 'a', name: 'a' }, new Date()).reason ??
        '',
      statusLinkAnswer,
    ];

    expect(messages.flatMap(typographyFaults)).toEqual([]);
  });
});

/**
 * The mails and pages this file does not render are checked beside their other rules
 * (mission-mails, reminder-mails, monthly-statistics): every render function of the templates must be
 * called by some test that scans for typography faults, so that a new mail cannot go out unchecked.
 */
describe('every mail template and answer page', () => {
  const root = new URL('../../', import.meta.url);
  const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
  const filesUnder = (folder: string) =>
    readdirSync(new URL(folder, root), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `${folder}${file}`);
  const renderers = [
    ...filesUnder('functions/email/templates/'),
    ...filesUnder('functions/http/pages/'),
  ].flatMap((file) => [...read(file).matchAll(/export const (render\w+)/g)].map((match) => match[1] ?? ''));
  const scanning = filesUnder('test/')
    .map(read)
    .filter((source) => source.includes('typographyFaults('));

  it('is found', () => {
    expect(renderers.length).toBeGreaterThan(15);
  });

  // Rendered by the job that sends it, with a whole month's figures, and scanned in the SES store.
  const renderedThrough: Record<string, string> = { renderMonthlyStatistics: 'sendMonthlyStatistics' };

  it.each(renderers)('%s is rendered by a test that checks its typography', (name) => {
    const call = new RegExp(`\\b${renderedThrough[name] ?? name}\\(`);
    expect(scanning.some((source) => call.test(source))).toBe(true);
  });
});

// The schemas' own fallbacks (zod's French locale) must obey the same rule.
describe('zod’s French messages, where a schema spells out none', () => {
  it('are given with a no-break space too', () => {
    const result = z.object({ n: z.number() }).safeParse({ n: 'x' });
    const [message] = result.success ? [] : fieldErrors(result.error).map((error) => error.message);

    expect(message).toBeDefined();
    expect(typographyFaults(message ?? '')).toEqual([]);
  });
});

function refusalOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('not refused');
}
