import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { httpHandler } from '../../functions/http/middy.ts';
import { logger } from '../../functions/runtime/logger.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { lambdaContext } from '../../infra/local/lambda-runtime.ts';
import {
  poster,
  validApplication,
  validContactMessage,
  validPartnerOffer,
  withField,
} from '../support/form-posts.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { isoDayFromToday as day, missionCompetence, missionPartnerId } from '../support/missions.ts';
import { staffApi } from '../support/staff-tokens.ts';

/**
 * What reaches CloudWatch is what the functions write to stdout and stderr. With the logger at its most
 * talkative, a whole story (an SME applies, staff qualify it, a committee approves it, a partner and its
 * volunteer are added, a mission is planned and started, its mails leave) and the refusals and crashes
 * on the way must leave no name, address, phone or SIRET of the SME or the volunteer in any line.
 */
// Before the logger is built: an operator debugging in production may turn on Powertools' event
// logging, and even then no form's body may reach the logs.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOGGER_LOG_EVENT = 'true';
});

const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 10_000 } } });
const api = poster(cloud);
const claire = 'claire.bernard@initiative-indre.example.org';

const sme = {
  firstName: 'Ysoline',
  lastName: 'Quernec',
  email: 'ysoline.quernec@atelier-quernec.example.fr',
  phone: '02 54 98 76 51',
  company: 'Atelier Quernec',
};
const volunteer = {
  firstName: 'Gwenaël',
  lastName: 'Trémoureux',
  email: 'gwenael.tremoureux@berry-aero.example.com',
  phone: '02 54 13 57 91',
};
const personal = [
  ...Object.values(sme),
  ...Object.values(volunteer),
  sme.phone.replaceAll(' ', ''),
  volunteer.phone.replaceAll(' ', ''),
  '73282932000074',
  '732829320',
];

let lines: string[] = [];
const originals = { stdout: process.stdout.write, stderr: process.stderr.write };
const capture =
  (stream: NodeJS.WriteStream, original: typeof process.stdout.write) =>
  (chunk: unknown, ...rest: unknown[]) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
  };

beforeEach(() => {
  lines = [];
  logger.setLogLevel('DEBUG');
  process.stdout.write = capture(process.stdout, originals.stdout) as typeof process.stdout.write;
  process.stderr.write = capture(process.stderr, originals.stderr) as typeof process.stderr.write;
});

afterEach(() => {
  process.stdout.write = originals.stdout;
  process.stderr.write = originals.stderr;
  logger.setLogLevel('INFO');
});

const leaks = () => lines.filter((line) => personal.some((value) => line.includes(value)));

const call = staffApi(cloud);
const staff = async (method: string, path: string, body?: unknown) => {
  const response = await call(claire, method, path, body);
  const answer = (await response.json()) as Record<string, unknown>;
  if (response.status >= 300)
    throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(answer)}`);
  return answer;
};

describe('what the functions log', () => {
  it('names no one along a whole story, from the SME’s application to its mission’s mails', async () => {
    // Given an SME applying through the site, by JSON and by a browser's post
    const application = withField(
      withField(validApplication(), 'contact', { ...validApplication().contact, ...sme, role: 'Gérante' }),
      'company.name',
      sme.company,
    );
    const sent = await api.json('/api/applications', application, { 'idempotency-key': crypto.randomUUID() });
    expect(sent.status).toBe(201);
    const reference = String(sent.json().reference);
    const message = { ...validContactMessage(), name: `${sme.firstName} ${sme.lastName}`, email: sme.email };
    expect((await api.form('/api/contact', message)).status).toBe(201);
    const offer = validPartnerOffer();
    const { phone: _, ...volunteerName } = volunteer;
    expect(
      (await api.form('/api/partners', { ...offer, contact: { ...offer.contact, ...volunteerName } })).status,
    ).toBe(201);

    // When staff take it through qualification, a committee and its approval
    await staff('POST', `/api/staff/applications/${reference}/notes`, {
      text: `Appel de ${sme.firstName} ${sme.lastName} au ${sme.phone}.`,
    });
    let file = await staff('GET', `/api/staff/applications/${reference}`);
    file = await staff('POST', `/api/staff/applications/${reference}/transitions`, {
      to: 'qualified',
      version: file.version,
    });
    const committee = await staff('POST', '/api/staff/committees', { date: day(30) });
    file = await staff('POST', `/api/staff/applications/${reference}/transitions`, {
      to: 'scheduled',
      version: file.version,
      committeeId: committee.id,
    });
    await staff('POST', `/api/staff/committees/${committee.id}/decisions`, {
      decisions: [
        { reference, version: file.version, decision: 'approved', reason: 'Besoin clair et emplois en jeu.' },
      ],
    });

    // And add a partner, a volunteer of another, and a mission the volunteer starts
    const partner = await staff('POST', '/api/staff/partners', {
      name: 'Berry Aéro Composants Quernec',
      siret: '732 829 320 00074',
      sector: 'Aéronautique',
      contact: { ...volunteer, role: 'DRH' },
    });
    expect(partner.id).toBeTruthy();
    const added = await staff('POST', '/api/staff/volunteers', {
      partnerId: missionPartnerId,
      ...volunteer,
      role: 'Ingénieur qualité',
      competences: [missionCompetence?.id],
    });
    let mission = await staff('POST', `/api/staff/applications/${reference}/missions`, {
      competenceId: missionCompetence?.id,
      partnerId: missionPartnerId,
      volunteerId: added.id,
      plannedHalfDays: 2,
      startDate: day(1),
      endDate: day(120),
      checklist: { agreementSignedOn: day(-2), consentSignedOn: day(-1) },
    });
    mission = await staff('POST', `/api/staff/missions/${mission.id}/interventions`, {
      version: mission.version,
      date: day(7),
      slot: 'morning',
      place: `Chez ${sme.company}`,
    });
    await staff('POST', `/api/staff/missions/${mission.id}/start`, { version: mission.version });
    await staff('GET', `/api/staff/people?email=${encodeURIComponent(sme.email)}`);
    await cloud().scheduler.runNow('deliver-outbox');

    // Then the mails went out, to both people
    const to = (await mailbox(cloud().urls.mailViewer).all()).flatMap((mail) => mail.destination.to);
    expect(to).toContain(sme.email);
    expect(to).toContain(volunteer.email);
    // And the functions did speak, without naming anyone
    expect(lines.length).toBeGreaterThan(0);
    expect(leaks()).toEqual([]);
  });

  it('names no one in a refusal, whether sent by JSON or by a browser’s post', async () => {
    const application = withField(
      withField(validApplication(), 'contact', { ...validApplication().contact, ...sme }),
      'company.siret',
      '732 829 320 00075',
    );
    expect((await api.json('/api/applications', application)).status).toBe(400);
    expect((await api.form('/api/applications', application)).status).toBe(400);
    expect(
      (
        await api.post('/api/applications', `{"contact":{"email":"${sme.email}"`, {
          'content-type': 'application/json',
        })
      ).status,
    ).toBe(400);
    expect(leaks()).toEqual([]);
  });

  it('logs the stack of an unforeseen error without its message, which may quote what was sent', async () => {
    // Given a function that fails on something it was sent (a parser quoting its input, say)
    const failing = httpHandler(async () => {
      throw new SyntaxError(
        `Unexpected token in JSON at position 12: {"email":"${sme.email}","phone":"${sme.phone}"}`,
      );
    });

    // When it is invoked
    const answer = await failing(
      { rawPath: '/api/x', headers: {}, requestContext: { http: { method: 'POST' } } } as never,
      lambdaContext('failing', Date.now() + 3000),
    );

    // Then the caller gets a plain 500, and the log says where it failed, not what it was sent
    expect(answer.statusCode).toBe(500);
    const logged = lines.filter((line) => line.includes('Unhandled error'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('SyntaxError');
    expect(logged[0]).toMatch(/at .*log-privacy\.test\.ts/);
    expect(leaks()).toEqual([]);
  });
});
