import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.ts';
import { missionRepository } from '../../functions/db/mission-repository.ts';
import { halfDayInterval } from '../../functions/domain/missions/calendar.ts';
import { createMission } from '../../functions/domain/missions/rules.ts';
import { config } from '../../functions/runtime/config.ts';
import { readApplication } from '../../functions/use-cases/applications/read-applications.ts';
import { sendOutcomeFollowUps } from '../../functions/use-cases/missions/follow-ups.ts';
import { changeMissionIntervention } from '../../functions/use-cases/missions/intervention-changes.ts';
import { closeApplicationMission } from '../../functions/use-cases/missions/mission-closing.ts';
import { startApplicationMission } from '../../functions/use-cases/missions/mission-launch.ts';
import { answerOutcomeForm, readOutcomeForm } from '../../functions/use-cases/missions/outcome-forms.ts';
import {
  createApplicationMission,
  listApplicationMissions,
  planMissionIntervention,
  readMission,
} from '../../functions/use-cases/missions/staff-missions.ts';
import { missionLinkDependencies } from '../../functions/wiring/mission-links.ts';
import { missionDependencies, missionJobDependencies } from '../../functions/wiring/mission-mail.ts';
import { staffReadDependencies } from '../../functions/wiring/staff.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { localDynamoDbClient } from '../../infra/local/emulators.ts';
import type { MissionView } from '../../shared/missions.ts';
import { givenLocalCloud, mailbox, type StoredMail } from '../support/local-cloud.ts';
import { isoDayFromToday as day, givenApplication, givenVolunteer, newMission } from '../support/missions.ts';
import { claire, nadia, paul } from '../support/staff-actors.ts';
import { bearer, staffApi, staffTokens } from '../support/staff-tokens.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * Missions through the real use cases and handlers, against dynalite and the local SES: the rules
 * as staff meet them, what is stored with its history, the mails the volunteer and the SME receive,
 * the outcome forms from those mails, and the follow-ups with a fixed clock.
 */
const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 10_000 } } });
const deps = () => missionDependencies();
const mails = () => mailbox(cloud().urls.mailViewer);
const mailsTo = async (address: string): Promise<StoredMail[]> =>
  (await mails().all()).filter((mail) => mail.destination.to.includes(address));

const staff = staffApi(cloud);
const call = (method: string, path: string, body?: unknown, who = claire.name) =>
  staff(who, method, path, body);

const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    expect(typographyFaults((error as Error).message)).toEqual([]);
    return error as Error & { code?: string };
  }
  throw new Error('not refused');
};

const readBack = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      status: vevent.getFirstPropertyValue('status'),
      sequence: event.sequence,
    };
  });

const linkIn = (mail: StoredMail | undefined, pattern: RegExp) => {
  const match = pattern.exec(mail?.body.text ?? '');
  if (!match) throw new Error('no link in the mail');
  return new URL(match[0]);
};

const started = async (smeEmail?: string) => {
  const volunteer = await givenVolunteer();
  const reference = await givenApplication('approved', smeEmail ? { email: smeEmail } : {});
  let mission = await createApplicationMission(deps(), claire, reference, newMission(volunteer), new Date());
  mission = await planMissionIntervention(
    deps(),
    claire,
    mission.id,
    { version: mission.version, date: day(-2), slot: 'morning' },
    new Date(),
  );
  mission = await startApplicationMission(
    deps(),
    claire,
    mission.id,
    { version: mission.version },
    new Date(),
  );
  return { volunteer, reference, mission };
};

describe('a mission, from an approved application to its outcomes', () => {
  it('is created, planned, started with both mails, delivered, and closed by the SME’s answer', async () => {
    const volunteer = await givenVolunteer();
    const smeEmail = 'gerante@missions-vie.example.fr';
    const reference = await givenApplication('approved', { email: smeEmail });

    // When Claire creates a mission without its checklist yet
    let mission = await createApplicationMission(
      deps(),
      claire,
      reference,
      newMission(volunteer, { checklist: {} }),
      new Date(),
    );
    expect(mission).toMatchObject({
      id: `${reference}-M1`,
      status: 'preparing',
      checklistComplete: false,
      version: 1,
    });
    expect(mission.volunteer).toMatchObject({ firstName: 'Lucas', lastName: 'Moreau' });

    // Then the application is in progress, moved by the missions
    const application = await readApplication(staffReadDependencies(), claire, reference);
    expect(application.status).toBe('in-progress');
    expect(application.history.at(-1)).toMatchObject({
      from: 'approved',
      to: 'in-progress',
      actor: { name: claire.name },
    });

    // When she plans two half-days; the mission cannot start before its checklist is complete
    mission = await planMissionIntervention(
      deps(),
      claire,
      mission.id,
      { version: 1, date: day(-3), slot: 'morning', place: 'Atelier' },
      new Date(),
    );
    mission = await planMissionIntervention(
      deps(),
      claire,
      mission.id,
      { version: 2, date: day(5), slot: 'afternoon', remote: true },
      new Date(),
    );
    expect(mission.totals).toEqual({ planned: 2, delivered: 0, remaining: 2 });
    const early = await refusal(
      startApplicationMission(deps(), claire, mission.id, { version: 3 }, new Date()),
    );
    expect(early.message).toMatch(/convention de mise à disposition.*L8241-2/);
    const edit = await call('PATCH', `/api/staff/missions/${mission.id}`, {
      version: 3,
      checklist: { agreementSignedOn: day(-20), consentSignedOn: day(-19) },
    });
    expect(edit.status).toBe(200);
    mission = (await edit.json()) as MissionView;
    expect(mission.checklistComplete).toBe(true);

    // And starts it: the volunteer gets the mission, the SME the introduction, each with the calendar
    mission = await startApplicationMission(deps(), claire, mission.id, { version: 4 }, new Date());
    expect(mission.status).toBe('active');
    const [toVolunteer] = await mailsTo(volunteer.email);
    expect(toVolunteer?.subject).toBe('Votre mission Alizé auprès de Menuiserie Martin');
    expect(toVolunteer?.body.text).toContain('Obtenir la certification ISO 9001');
    expect(toVolunteer?.body.text).toContain(smeEmail);
    expect(toVolunteer?.body.text).toMatch(/matin \(9\u00a0h – 12\u00a0h\u00a030\), Atelier/);
    const [toSme] = await mailsTo(smeEmail);
    expect(toSme?.subject).toMatch(/^Lucas Moreau, de .+, vous accompagne avec Alizé$/);
    expect(toSme?.body.text).toContain(volunteer.email);
    expect(toSme?.body.text).toContain('Ingénieur qualité');
    for (const mail of [toVolunteer, toSme]) {
      expect(typographyFaults(mail?.body.text ?? '')).toEqual([]);
      expect(mail?.from).toContain('indre@');
      const attachment = mail?.attachments?.[0];
      expect(attachment?.contentType).toMatch(/^text\/calendar/);
      const events = readBack(Buffer.from(attachment?.content ?? '', 'base64').toString('utf8'));
      expect(events).toHaveLength(2);
    }
    // The calendar link of the mail gives the same half-days, without sign-in
    const calendarLink = linkIn(toSme, /https?:\/\/\S+\/api\/missions\/calendar\?t=\S+/);
    const calendar = await fetch(`${cloud().urls.site}${calendarLink.pathname}${calendarLink.search}`);
    expect(calendar.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(readBack(await calendar.text()).map((e) => e.status)).toEqual(['CONFIRMED', 'CONFIRMED']);
    // Started twice (a retry after a lost answer): no second mail
    await startApplicationMission(deps(), claire, mission.id, { version: 4 }, new Date());
    expect(await mailsTo(volunteer.email)).toHaveLength(1);

    // When the past half-day is done and the future one cancelled, the mission can close
    const [past, future] = mission.interventions;
    mission = await changeMissionIntervention(
      deps(),
      claire,
      mission.id,
      past?.id ?? '',
      { action: 'done', version: 5, note: 'Diagnostic fait' },
      new Date(),
    );
    const tooSoon = await refusal(
      changeMissionIntervention(
        deps(),
        claire,
        mission.id,
        future?.id ?? '',
        { action: 'done', version: 6 },
        new Date(),
      ),
    );
    expect(tooSoon.message).toMatch(/n’a pas encore eu lieu/);
    const unfinished = await refusal(
      closeApplicationMission(deps(), claire, mission.id, { mode: 'ask', version: 6 }, new Date()),
    );
    expect(unfinished.message).toMatch(/encore prévue/);
    mission = await changeMissionIntervention(
      deps(),
      claire,
      mission.id,
      future?.id ?? '',
      { action: 'cancel', version: 6 },
      new Date(),
    );
    expect(mission.totals).toEqual({ planned: 1, delivered: 1, remaining: 3 });

    // And closing asks the outcomes by mail: the mission waits for the SME
    mission = await closeApplicationMission(
      deps(),
      claire,
      mission.id,
      { mode: 'ask', version: 7 },
      new Date(),
    );
    expect(mission.status).toBe('closing');
    // Asked twice (a retry after a lost answer): one form each
    await closeApplicationMission(deps(), claire, mission.id, { mode: 'ask', version: 7 }, new Date());
    const asked = (await mailsTo(smeEmail)).filter((mail) => mail.subject.includes('votre bilan'));
    expect(asked).toHaveLength(1);
    const smeForm = (await mailsTo(smeEmail)).find((mail) => mail.subject.includes('votre bilan'));
    const volunteerForm = (await mailsTo(volunteer.email)).find((mail) =>
      mail.subject.includes('votre avis'),
    );
    expect(typographyFaults(smeForm?.body.text ?? '')).toEqual([]);
    const smeToken = linkIn(smeForm, /https?:\/\/\S+\/bilan\/\?t=\S+/).searchParams.get('t') ?? '';
    const volunteerToken =
      linkIn(volunteerForm, /https?:\/\/\S+\/bilan\/\?t=\S+/).searchParams.get('t') ?? '';

    // The SME's form shows only what the SME knows
    const form = await fetch(`${cloud().urls.site}/api/outcomes?t=${encodeURIComponent(smeToken)}`);
    const shown = await form.json();
    expect(shown).toEqual({
      kind: 'closing',
      role: 'sme',
      networkName: 'Alizé Indre',
      companyName: 'Menuiserie Martin',
      competence: expect.any(String),
      startDate: mission.startDate,
      endDate: mission.endDate,
      answered: false,
    });
    expect(JSON.stringify(shown)).not.toContain('Moreau');

    // The volunteer answers first: the mission still waits for the SME
    const volunteerAnswer = await fetch(`${cloud().urls.site}/api/outcomes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: volunteerToken, satisfaction: 4, comment: 'Équipe accueillante' }),
    });
    expect(volunteerAnswer.status).toBe(200);
    expect((await readMission(deps(), claire, mission.id)).status).toBe('closing');

    // When the SME answers, the mission closes, and with its only mission the application
    const answer = await fetch(`${cloud().urls.site}/api/outcomes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token: smeToken,
        jobsCreated: '1',
        jobsMaintained: '12',
        satisfaction: '5',
        comment: 'Merci\u00a0!',
      }),
    });
    expect(answer.status).toBe(200);
    expect((await answer.json()).message).toMatch(/^Merci/);
    const closed = await readMission(deps(), claire, mission.id);
    expect(closed).toMatchObject({
      status: 'closed',
      outcomes: {
        sme: { jobsCreated: 1, jobsMaintained: 12, satisfaction: 5, by: 'sme' },
        volunteer: { satisfaction: 4, comment: 'Équipe accueillante', by: 'volunteer' },
      },
    });
    expect((await readApplication(staffReadDependencies(), claire, reference)).status).toBe('closed');

    // A second answer is refused politely, the first kept
    const again = await fetch(`${cloud().urls.site}/api/outcomes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: smeToken, jobsCreated: 3, jobsMaintained: 12, satisfaction: 1 }),
    });
    expect(again.status).toBe(422);
    expect((await again.json()).message).toMatch(/déjà enregistrée/);
    expect((await readOutcomeForm(missionLinkDependencies(), smeToken, new Date())).answered).toBe(true);
    expect((await readMission(deps(), claire, mission.id)).outcomes.sme?.jobsCreated).toBe(1);

    // And the history tells each step
    expect(closed.history.map((line) => line.change)).toEqual([
      'created',
      'planned',
      'planned',
      'edited',
      'started',
      'done',
      'cancelled',
      'closing',
      'outcome',
      'closed',
    ]);
  });

  it('closes at once with the outcomes staff enter, the application only with its last mission', async () => {
    const first = await started();
    const volunteer = first.volunteer;
    let second = await createApplicationMission(
      deps(),
      claire,
      first.reference,
      newMission(volunteer, { checklist: {} }),
      new Date(),
    );
    expect(second.id).toBe(`${first.reference}-M2`);
    let mission = await changeMissionIntervention(
      deps(),
      claire,
      first.mission.id,
      'I1',
      { action: 'done', version: first.mission.version },
      new Date(),
    );
    mission = await closeApplicationMission(
      deps(),
      claire,
      mission.id,
      {
        mode: 'outcomes',
        version: mission.version,
        sme: { jobsCreated: 0, jobsMaintained: 8, satisfaction: 4 },
      },
      new Date(),
    );
    expect(mission).toMatchObject({
      status: 'closed',
      outcomes: { sme: { jobsMaintained: 8, by: 'staff' } },
    });
    expect((await readApplication(staffReadDependencies(), claire, first.reference)).status).toBe(
      'in-progress',
    );

    const listed = await listApplicationMissions(deps(), claire, first.reference);
    expect(listed.missions.map((m) => [m.id, m.status])).toEqual([
      [first.mission.id, 'closed'],
      [second.id, 'preparing'],
    ]);
    second = await startApplicationMission(
      deps(),
      claire,
      (await editAndReturn(second)).id,
      { version: 2 },
      new Date(),
    );
    second = await closeApplicationMission(
      deps(),
      claire,
      second.id,
      { mode: 'outcomes', version: 3, sme: { jobsCreated: 1, jobsMaintained: 8, satisfaction: 5 } },
      new Date(),
    );
    expect((await readApplication(staffReadDependencies(), claire, first.reference)).status).toBe('closed');
  });

  it('finishes the application’s move a crash interrupted, at the next mission action', async () => {
    // Given a mission written, and the function stopped before it moved its application
    const volunteer = await givenVolunteer();
    const reference = await givenApplication('approved');
    const mission = createMission(
      { id: `${reference}-M1`, reference, network: 'indre', number: 1 },
      newMission(volunteer),
      { id: claire.id, name: claire.name },
      new Date(),
    );
    const db = createDocumentClient(localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? ''));
    expect(await missionRepository(db, config().dataTableName).create(mission)).toBe(true);
    db.destroy();
    expect((await readApplication(staffReadDependencies(), claire, reference)).status).toBe('approved');

    // When staff plan a half-day on it
    await planMissionIntervention(
      deps(),
      claire,
      mission.id,
      { version: 1, date: day(1), slot: 'morning' },
      new Date(),
    );

    // Then the application is in progress, once
    const application = await readApplication(staffReadDependencies(), claire, reference);
    expect(application.status).toBe('in-progress');
    expect(application.history.filter((line) => line.to === 'in-progress')).toHaveLength(1);
  });
});

const editAndReturn = async (mission: MissionView) => {
  const answer = await call('PATCH', `/api/staff/missions/${mission.id}`, {
    version: mission.version,
    checklist: { agreementSignedOn: day(-5), consentSignedOn: day(-5) },
  });
  expect(answer.status).toBe(200);
  return (await answer.json()) as MissionView;
};

describe('the rules, as staff meet them over HTTP', () => {
  it.each<[string, (v: Awaited<ReturnType<typeof givenVolunteer>>) => Record<string, unknown>, RegExp]>([
    [
      'an end more than 18 months after the start',
      (v) => newMission(v, { startDate: '2027-01-10', endDate: '2028-07-11' }),
      /au plus 18\u00a0mois/,
    ],
    [
      'an end before the start',
      (v) => newMission(v, { startDate: '2027-01-10', endDate: '2027-01-09' }),
      /ne peut pas précéder/,
    ],
    [
      'a volunteer of another partner',
      (v) => ({ ...newMission(v), partnerId: 'indre-banque' }),
      /n’offre pas|n’est pas un salarié actif/,
    ],
  ])('refuses a mission with %s, in French, storing nothing', async (_case, body, refused) => {
    const volunteer = await givenVolunteer();
    const reference = await givenApplication('approved');
    const answer = await call('POST', `/api/staff/applications/${reference}/missions`, body(volunteer));
    expect(answer.status).toBe(422);
    const { message } = await answer.json();
    expect(message).toMatch(refused);
    expect(typographyFaults(message)).toEqual([]);
    const listed = await call('GET', `/api/staff/applications/${reference}/missions`);
    expect((await listed.json()).missions).toEqual([]);
  });

  it('refuses a mission for an application not approved, a retired volunteer, and bad input', async () => {
    const volunteer = await givenVolunteer();
    const retired = await givenVolunteer({ status: 'retired' });
    const qualified = await givenApplication('qualified');
    const approved = await givenApplication('approved');
    const notApproved = await call(
      'POST',
      `/api/staff/applications/${qualified}/missions`,
      newMission(volunteer),
    );
    expect(notApproved.status).toBe(422);
    expect((await notApproved.json()).message).toMatch(/projet retenu/);
    const gone = await call('POST', `/api/staff/applications/${approved}/missions`, newMission(retired));
    expect(gone.status).toBe(422);
    const bad = await call('POST', `/api/staff/applications/${approved}/missions`, {
      ...newMission(volunteer),
      plannedHalfDays: '0x3',
      startDate: '2027-02-30',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'plannedHalfDays',
      'startDate',
    ]);
    expect((await readApplication(staffReadDependencies(), claire, approved)).status).toBe('approved');
  });

  it('refuses a half-day beyond the plan, answers a stale version with the current mission', async () => {
    const volunteer = await givenVolunteer();
    const reference = await givenApplication('approved');
    const created = await call(
      'POST',
      `/api/staff/applications/${reference}/missions`,
      newMission(volunteer, { plannedHalfDays: 1 }),
    );
    expect(created.status).toBe(201);
    const mission = (await created.json()) as MissionView;
    const planned = await call('POST', `/api/staff/missions/${mission.id}/interventions`, {
      version: 1,
      date: day(3),
      slot: 'morning',
    });
    expect(planned.status).toBe(201);
    const beyond = await call('POST', `/api/staff/missions/${mission.id}/interventions`, {
      version: 2,
      date: day(4),
      slot: 'morning',
    });
    expect(beyond.status).toBe(422);
    expect((await beyond.json()).message).toMatch(
      /Les 1\u00a0demi-journées|demi-journées de la mission sont déjà prévues/,
    );
    const stale = await call('POST', `/api/staff/missions/${mission.id}/interventions`, {
      version: 1,
      date: day(4),
      slot: 'morning',
    });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.message).toMatch(/modifié cette mission/);
    expect(body.current).toMatchObject({ id: mission.id, version: 2 });
    const download = await call('GET', `/api/staff/missions/${mission.id}/calendar?pour=sme`);
    expect(download.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(download.headers.get('content-disposition')).toMatch(/attachment; filename="mission-.+\.ics"/);
    expect(readBack(await download.text())).toHaveLength(1);
  });

  it('creates one mission for one Idempotency-Key sent twice', async () => {
    const volunteer = await givenVolunteer();
    const reference = await givenApplication('approved');
    const token = await staffTokens(cloud().issuer).access(claire.name);
    const send = () =>
      fetch(`${cloud().urls.site}/api/staff/applications/${reference}/missions`, {
        method: 'POST',
        headers: {
          ...bearer(token),
          'content-type': 'application/json',
          'idempotency-key': `mission-${reference}`,
        },
        body: JSON.stringify(newMission(volunteer)),
      });
    const [first, second] = [await send(), await send()];
    expect([first.status, second.status]).toEqual([201, 201]);
    const listed = await call('GET', `/api/staff/applications/${reference}/missions`);
    expect((await listed.json()).missions).toHaveLength(1);
  });

  it('shows Indre’s mission to the national coordination read-only, and hides it from Cher', async () => {
    const { mission } = await started();
    expect((await readMission(deps(), nadia, mission.id)).editable).toBe(false);
    expect((await refusal(readMission(deps(), paul, mission.id))).message).toMatch(/n’existe pas/);
    expect(
      (
        await refusal(
          closeApplicationMission(
            deps(),
            nadia,
            mission.id,
            { mode: 'ask', version: mission.version },
            new Date(),
          ),
        )
      ).message,
    ).toMatch(/n’existe pas/);
  });

  it('refuses a forged or foreign link to the forms and the calendar', async () => {
    const forged = await fetch(`${cloud().urls.site}/api/outcomes?t=eyJhbGciOiJIUzI1NiJ9.e30.forged`);
    expect(forged.status).toBe(404);
    expect((await forged.json()).message).toMatch(/n’est plus valable/);
    const calendar = await fetch(`${cloud().urls.site}/api/missions/calendar?t=nope`);
    expect(calendar.status).toBe(404);
  });
});

describe('a half-day moved, then cancelled', () => {
  it('keeps the old date in the history, and the calendars update the same event', async () => {
    // Given a started mission whose first half-day was planned two days ago, in the morning, and
    // whose mails gave the SME its calendar link
    const smeEmail = 'gerante@missions-report.example.fr';
    const { mission, volunteer } = await started(smeEmail);
    const [planned] = mission.interventions;
    const interventionId = planned?.id ?? '';
    const [smeMail] = await mailsTo(smeEmail);
    const smeLink = linkIn(smeMail, /https?:\/\/\S+\/api\/missions\/calendar\?t=\S+/);
    const smeCalendar = async () =>
      readBack(await (await fetch(`${cloud().urls.site}${smeLink.pathname}${smeLink.search}`)).text());
    const staffCalendar = async () =>
      readBack(await (await call('GET', `/api/staff/missions/${mission.id}/calendar`)).text());
    const [before] = await staffCalendar();
    expect(before).toMatchObject({ status: 'CONFIRMED', sequence: 0 });
    const mailed = async () => (await mailsTo(smeEmail)).length + (await mailsTo(volunteer.email)).length;
    expect(await mailed()).toBe(2);

    // When Claire moves it to the afternoon in three days, over HTTP
    const moved = await call('POST', `/api/staff/missions/${mission.id}/interventions/${interventionId}`, {
      action: 'reschedule',
      version: mission.version,
      date: day(3),
      slot: 'afternoon',
      note: 'Report à la demande de l’entreprise',
    });

    // Then the mission shows the new date and slot, and its history the old ones beside the new
    expect(moved.status).toBe(200);
    const view = (await moved.json()) as MissionView;
    const half = view.interventions.find((intervention) => intervention.id === interventionId);
    expect(half).toMatchObject({ date: day(3), slot: 'afternoon', status: 'planned' });
    expect(half?.history.at(-1)).toMatchObject({
      change: 'rescheduled',
      from: { date: day(-2), slot: 'morning' },
      to: { date: day(3), slot: 'afternoon' },
      actor: { name: claire.name },
      note: 'Report à la demande de l’entreprise',
    });
    expect(view.history.at(-1)).toMatchObject({ change: 'rescheduled', interventionId });
    expect((await readMission(deps(), claire, mission.id)).interventions).toEqual(view.interventions);

    // And both calendars, staff's download and the SME's link, give the same event, one sequence on,
    // starting at 14 h in Paris on the new day
    const afternoon = halfDayInterval(day(3), 'afternoon').start.toISOString();
    for (const events of [await staffCalendar(), await smeCalendar()]) {
      expect(events).toEqual([{ uid: before?.uid, start: afternoon, status: 'CONFIRMED', sequence: 1 }]);
    }
    // And each of them is told, in French, with the calendar again: the same event, one sequence on,
    // so that an agenda that imported the first calendar moves it
    const movedMails = [...(await mailsTo(smeEmail)), ...(await mailsTo(volunteer.email))].filter((mail) =>
      mail.subject.includes('déplacée'),
    );
    expect(movedMails.map((mail) => mail.destination.to[0]).sort()).toEqual(
      [smeEmail, volunteer.email].sort(),
    );
    for (const mail of movedMails) {
      expect(mail.subject).toMatch(/^Demi-journée Alizé avec .+ déplacée au /);
      expect(mail.body.text).toMatch(/est déplacée\u00a0: elle aura lieu le .+, après-midi \(14\u00a0h/);
      expect(mail.body.text).toContain('matin (9\u00a0h');
      expect(typographyFaults(mail.body.text ?? '')).toEqual([]);
      const attached = Buffer.from(mail.attachments?.[0]?.content ?? '', 'base64').toString('utf8');
      expect(readBack(attached)).toEqual([
        { uid: before?.uid, start: afternoon, status: 'CONFIRMED', sequence: 1 },
      ]);
    }
    expect(await mailed()).toBe(4);

    // When she then cancels it
    const cancelled = await call(
      'POST',
      `/api/staff/missions/${mission.id}/interventions/${interventionId}`,
      { action: 'cancel', version: view.version },
    );
    expect(cancelled.status).toBe(200);

    // Then the same event is cancelled, one sequence further, so that calendars drop it
    for (const events of [await staffCalendar(), await smeCalendar()]) {
      expect(events).toEqual([{ uid: before?.uid, start: afternoon, status: 'CANCELLED', sequence: 2 }]);
    }
    const history = (await readMission(deps(), claire, mission.id)).interventions[0]?.history;
    expect(history?.map((line) => line.change)).toEqual(['planned', 'rescheduled', 'cancelled']);
    // And both are told once, the cancelled event attached
    const cancelMails = [...(await mailsTo(smeEmail)), ...(await mailsTo(volunteer.email))].filter((mail) =>
      mail.subject.includes('annulée'),
    );
    expect(cancelMails).toHaveLength(2);
    for (const mail of cancelMails) {
      expect(mail.body.text).toMatch(/La demi-journée prévue le .+, après-midi .+ est annulée\./);
      const attached = Buffer.from(mail.attachments?.[0]?.content ?? '', 'base64').toString('utf8');
      expect(readBack(attached)[0]).toMatchObject({ uid: before?.uid, status: 'CANCELLED', sequence: 2 });
    }

    // When the same cancel is sent again (a retry after a lost answer), nobody is told twice
    await call('POST', `/api/staff/missions/${mission.id}/interventions/${interventionId}`, {
      action: 'cancel',
      version: view.version,
    });
    expect(await mailed()).toBe(6);
  });

  it('tells nobody of a half-day moved before the mission starts: the start mails carry the dates', async () => {
    const smeEmail = 'gerante@missions-avant.example.fr';
    const volunteer = await givenVolunteer();
    const reference = await givenApplication('approved', { email: smeEmail });
    let mission = await createApplicationMission(
      deps(),
      claire,
      reference,
      newMission(volunteer),
      new Date(),
    );
    mission = await planMissionIntervention(
      deps(),
      claire,
      mission.id,
      { version: mission.version, date: day(4), slot: 'morning' },
      new Date(),
    );
    mission = await changeMissionIntervention(
      deps(),
      claire,
      mission.id,
      mission.interventions[0]?.id ?? '',
      { action: 'reschedule', version: mission.version, date: day(6), slot: 'morning' },
      new Date(),
    );
    expect(mission.status).toBe('preparing');
    expect([...(await mailsTo(smeEmail)), ...(await mailsTo(volunteer.email))]).toEqual([]);
  });
});

describe('the 12- and 24-month follow-ups', () => {
  it('asks the SME once at 12 months and once at 24, with a fixed clock, never twice', async () => {
    const smeEmail = 'gerant@missions-suivi.example.fr';
    const volunteer = await givenVolunteer();
    const reference = await givenApplication('approved', { email: smeEmail });
    let mission = await createApplicationMission(
      deps(),
      claire,
      reference,
      newMission(volunteer),
      new Date(),
    );
    mission = await startApplicationMission(deps(), claire, mission.id, { version: 1 }, new Date());
    const closedAt = new Date();
    mission = await closeApplicationMission(
      deps(),
      claire,
      mission.id,
      { mode: 'outcomes', version: 2, sme: { jobsCreated: 0, jobsMaintained: 5, satisfaction: 4 } },
      closedAt,
    );
    const after = (months: number, days: number) => {
      const at = new Date(closedAt);
      at.setUTCMonth(at.getUTCMonth() + months);
      return new Date(at.getTime() + days * 86_400_000);
    };
    const followUps = async () =>
      (await mailsTo(smeEmail)).filter((m) => m.subject.includes('mois après votre mission'));

    // The day before 12 months: nothing
    await sendOutcomeFollowUps(missionJobDependencies(), after(12, -1));
    expect(await followUps()).toHaveLength(0);
    // At 12 months, then the same day again: one mail
    await sendOutcomeFollowUps(missionJobDependencies(), after(12, 0));
    await sendOutcomeFollowUps(missionJobDependencies(), after(12, 0));
    let sent = await followUps();
    expect(sent.map((m) => m.subject)).toEqual([
      '12\u00a0mois après votre mission Alizé\u00a0: où en sont vos emplois\u00a0?',
    ]);
    expect(typographyFaults(sent[0]?.body.text ?? '')).toEqual([]);

    // The SME answers its two figures
    const token = linkIn(sent[0], /https?:\/\/\S+\/bilan\/\?t=\S+/).searchParams.get('t') ?? '';
    expect(await readOutcomeForm(missionLinkDependencies(), token, after(12, 1))).toMatchObject({
      kind: 'follow-up',
      month: 12,
      answered: false,
    });
    await answerOutcomeForm(
      missionLinkDependencies(),
      { token, jobsCreated: 2, jobsMaintained: 6 },
      after(12, 1),
    );
    expect((await readMission(deps(), claire, mission.id)).outcomes.followUps).toEqual([
      expect.objectContaining({ month: 12, jobsCreated: 2, jobsMaintained: 6 }),
    ]);

    // At 24 months: the second, and nothing ever after
    await sendOutcomeFollowUps(missionJobDependencies(), after(24, -1));
    expect(await followUps()).toHaveLength(1);
    await sendOutcomeFollowUps(missionJobDependencies(), after(24, 0));
    await sendOutcomeFollowUps(missionJobDependencies(), after(36, 0));
    sent = await followUps();
    expect(sent.map((m) => m.subject.slice(0, 7))).toEqual(['12\u00a0mois', '24\u00a0mois']);
    const db = createDocumentClient(localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? ''));
    const due = await missionRepository(db, config().dataTableName).listFollowUpsDue(after(60, 0), 100);
    db.destroy();
    expect(due.map((m) => m.id)).not.toContain(mission.id);
  });
});

describe('the funders’ files of missions and half-days', () => {
  const parseCsv = async (response: Response) => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return parse(new TextDecoder().decode(bytes.slice(3)), {
      delimiter: ';',
      record_delimiter: '\r\n',
      columns: true,
    }) as Record<string, string>[];
  };

  it('list the period’s missions and half-days, with no person named and no cell a spreadsheet would run', async () => {
    // Given a started mission for an SME whose name a spreadsheet would take for a formula,
    // with a half-day done, one planned and one cancelled
    const volunteer = await givenVolunteer({ firstName: 'Sidonie', lastName: 'Kerbrat-Lenoir' });
    const reference = await givenApplication('approved', { companyName: '=HYPERLINK("http://x.example")' });
    let mission = await createApplicationMission(
      deps(),
      claire,
      reference,
      newMission(volunteer),
      new Date(),
    );
    for (const [offset, slot] of [
      [-2, 'morning'],
      [5, 'afternoon'],
      [6, 'morning'],
    ] as const) {
      mission = await planMissionIntervention(
        deps(),
        claire,
        mission.id,
        { version: mission.version, date: day(offset), slot, remote: offset === 5 },
        new Date(),
      );
    }
    mission = await startApplicationMission(
      deps(),
      claire,
      mission.id,
      { version: mission.version },
      new Date(),
    );
    const [past, , cancelled] = mission.interventions;
    mission = await changeMissionIntervention(
      deps(),
      claire,
      mission.id,
      past?.id ?? '',
      { action: 'done', version: mission.version, note: 'Diagnostic fait' },
      new Date(),
    );
    await changeMissionIntervention(
      deps(),
      claire,
      mission.id,
      cancelled?.id ?? '',
      { action: 'cancel', version: mission.version },
      new Date(),
    );
    const period = `network=indre&from=${day(-30)}&to=${day(30)}`;

    // When Indre's staff download both files for the month around today
    const missions = await parseCsv(await call('GET', `/api/staff/exports/missions?${period}`));
    const halfDays = await parseCsv(await call('GET', `/api/staff/exports/interventions?${period}`));

    // Then the mission is one row, its SME's name inert, its half-days counted
    const row = missions.find((candidate) => candidate.Mission === mission.id);
    expect(row).toMatchObject({
      Candidature: reference,
      Réseau: 'Alizé Indre',
      'Entreprise accompagnée': `'=HYPERLINK("http://x.example")`,
      Statut: 'En cours',
      'Demi-journées prévues': '4',
      'Demi-journées programmées': '2',
      'Demi-journées réalisées': '1',
    });
    // And each half-day is a row of its own, in date order, where and how it went
    const own = halfDays.filter((candidate) => candidate.Mission === mission.id);
    const french = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    expect(own.map((line) => [line.Date, line['Demi-journée'], line.Lieu, line.Statut])).toEqual([
      [french(day(-2)), 'matin', 'sur place', 'Réalisée'],
      [french(day(5)), 'après-midi', 'à distance', 'Prévue'],
      [french(day(6)), 'matin', 'sur place', 'Annulée'],
    ]);
    // Nobody is named: not the volunteer, not the note typed about the SME
    const everything = JSON.stringify([missions, halfDays]);
    // (a name of its own: the demo SMEs' companies, which the files do name, include « Garage Moreau »)
    expect(everything).not.toContain(volunteer.lastName);
    expect(everything).not.toContain(volunteer.email);
    expect(everything).not.toContain('Diagnostic fait');
    // And another network's staff may not have Indre's file
    expect((await call('GET', `/api/staff/exports/missions?${period}`, undefined, paul.name)).status).toBe(
      404,
    );
  });

  it('take the period’s first and last days in, and leave out missions and half-days on the days either side', async () => {
    // Given four missions of one application around 10–20 March 2025 (no other test's are then): one
    // ending on the first day, one starting on the last, one ending the day before, one starting the day after,
    // each with a half-day inside its dates on a boundary or just outside the period
    const volunteer = await givenVolunteer();
    const reference = await givenApplication('approved');
    const checklist = { agreementSignedOn: '2025-01-15', consentSignedOn: '2025-01-15' };
    const plans = [
      { startDate: '2025-03-01', endDate: '2025-03-10', halfDays: ['2025-03-09', '2025-03-10'] },
      { startDate: '2025-03-20', endDate: '2025-04-30', halfDays: ['2025-03-20', '2025-03-21'] },
      { startDate: '2025-02-01', endDate: '2025-03-09', halfDays: ['2025-03-09'] },
      { startDate: '2025-03-21', endDate: '2025-05-01', halfDays: ['2025-03-21'] },
    ];
    const ids: string[] = [];
    for (const { halfDays: dates, ...span } of plans) {
      let mission = await createApplicationMission(
        deps(),
        claire,
        reference,
        newMission(volunteer, { ...span, checklist }),
        new Date(),
      );
      for (const date of dates) {
        mission = await planMissionIntervention(
          deps(),
          claire,
          mission.id,
          { version: mission.version, date, slot: date === '2025-03-10' ? 'afternoon' : 'morning' },
          new Date(),
        );
      }
      ids.push(mission.id);
    }
    const period = 'network=indre&from=2025-03-10&to=2025-03-20';

    // When Indre's staff download both files for 10 to 20 March 2025
    const missions = await parseCsv(await call('GET', `/api/staff/exports/missions?${period}`));
    const halfDays = await parseCsv(await call('GET', `/api/staff/exports/interventions?${period}`));

    // Then the missions ending on the first day and starting on the last are in, the others out
    expect(missions.filter((row) => row.Candidature === reference).map((row) => row.Mission)).toEqual([
      ids[0],
      ids[1],
    ]);
    // And so are the half-days dated on those days, not those of the day before or after
    expect(
      halfDays
        .filter((row) => row.Candidature === reference)
        .map((row) => [row.Mission, row.Date, row['Demi-journée']]),
    ).toEqual([
      [ids[0], '10/03/2025', 'après-midi'],
      [ids[1], '20/03/2025', 'matin'],
    ]);
  });
});
