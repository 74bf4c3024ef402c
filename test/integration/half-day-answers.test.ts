import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, confirmationDay } from '../../functions/domain/digests/mission-due.ts';
import { config } from '../../functions/runtime/config.ts';
import { sendDailyReminders } from '../../functions/use-cases/digests/daily-reminders.ts';
import { readMission } from '../../functions/use-cases/missions/staff-missions.ts';
import { missionReadDependencies } from '../../functions/wiring/missions.ts';
import { remindersDependencies } from '../../functions/wiring/reminders.ts';
import { parisIsoDate } from '../../shared/dates.ts';
import { givenLocalCloud, mailbox, type StoredMail } from '../support/local-cloud.ts';
import { givenVolunteer } from '../support/missions.ts';
import { givenApplicationAt, givenMissionAt, halfDay } from '../support/reminders.ts';
import { claire } from '../support/staff-actors.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * « Has the half-day taken place? »: the mail the reminders job sends the volunteer and the SME after
 * each half-day, its signed links, the page's API. Today's dates, since the answer is checked against
 * the real clock (a half-day cannot be done before its day).
 */
const cloud = givenLocalCloud();
const mails = () => mailbox(cloud().urls.mailViewer);
const mailsTo = async (address: string): Promise<StoredMail[]> =>
  (await mails().all()).filter((mail) => mail.destination.to.includes(address));

const today = parisIsoDate(new Date());
const yesterday = addDays(today, -1);
const dayBefore = addDays(today, -2);
// The run that asks about yesterday's half-day: today, or Monday when today is a weekend.
const runDay = confirmationDay(yesterday);
const runAt = new Date(`${runDay}T06:30:00Z`);

const question = /a-t-elle eu lieu/;
const api = (path: string, init?: RequestInit) => fetch(`${cloud().urls.site}${path}`, init);
const answer = (body: unknown) =>
  api('/api/half-days', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const tokenIn = (mail: StoredMail, reply: 'oui' | 'non') => {
  const site = config().siteUrl;
  const found = (mail.body.text ?? '').match(
    new RegExp(`${site}/demi-journee/\\?t=([^&\\s]+)&reponse=${reply}`),
  );
  return decodeURIComponent(found?.[1] ?? '');
};

describe('the half-day’s « has it taken place? »', () => {
  const facts = {} as { missionId: string; volunteerEmail: string; smeEmail: string };
  let volunteerMail: StoredMail;
  let smeMail: StoredMail;

  beforeAll(async () => {
    // Given an active mission with two half-days past and still planned
    const volunteer = await givenVolunteer();
    facts.volunteerEmail = volunteer.email;
    const application = await givenApplicationAt(`${addDays(today, -60)}T09:00:00.000Z`, {
      status: 'in-progress',
      companyName: 'Tonnellerie Giraud',
    });
    facts.smeEmail = application.data.contact.email;
    facts.missionId = (
      await givenMissionAt(application, volunteer, `${addDays(today, -10)}T09:00:00.000Z`, {
        startedAt: `${addDays(today, -30)}T09:00:00.000Z`,
        startDate: addDays(today, -30),
        endDate: addDays(today, 200),
        interventions: [
          halfDay('I1', addDays(today, -20), 'done'),
          halfDay('I2', yesterday, 'planned', 'afternoon'),
          halfDay('I3', dayBefore),
        ],
      })
    ).id;
    await mails().clear();

    // When the reminders job runs
    const report = await sendDailyReminders(remindersDependencies(), runAt);
    expect(report.confirmations).toBeGreaterThanOrEqual(4);
    const asked = async (address: string) =>
      (await mailsTo(address)).filter((mail) => question.test(mail.subject));
    const toVolunteer = await asked(facts.volunteerEmail);
    const toSme = await asked(facts.smeEmail);
    expect(toVolunteer).toHaveLength(2);
    expect(toSme).toHaveLength(2);
    const aboutYesterday = (list: StoredMail[]) =>
      list.find((mail) => mail.body.text?.includes('après-midi')) as StoredMail;
    volunteerMail = aboutYesterday(toVolunteer);
    smeMail = aboutYesterday(toSme);
  });

  it('asks each of them once, in French, with a link for each answer', async () => {
    expect(volunteerMail.subject).toContain('Tonnellerie Giraud');
    expect(smeMail.subject).toMatch(/^Votre demi-journée Alizé du .+ a-t-elle eu lieu\u00a0\?$/);
    for (const mail of [volunteerMail, smeMail]) {
      expect(tokenIn(mail, 'oui').length).toBeGreaterThan(20);
      expect(tokenIn(mail, 'non')).toBe(tokenIn(mail, 'oui'));
      expect(typographyFaults(mail.subject)).toEqual([]);
      expect(typographyFaults(mail.body.text ?? '')).toEqual([]);
    }
    // Run again the same day, it asks nothing more
    const again = await sendDailyReminders(remindersDependencies(), new Date(runAt.getTime() + 3_600_000));
    expect(again.confirmations).toBe(0);
  });

  it('opens on the half-day the link names, and opening it changes nothing', async () => {
    const token = tokenIn(volunteerMail, 'oui');
    for (let opened = 0; opened < 2; opened++) {
      const shown = await api(`/api/half-days?t=${encodeURIComponent(token)}`);
      expect(shown.status).toBe(200);
      expect(shown.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await shown.json()).toEqual({
        role: 'volunteer',
        networkName: 'Alizé Indre',
        companyName: 'Tonnellerie Giraud',
        otherName: expect.stringMatching(/\S+ \S+/),
        date: yesterday,
        slot: 'afternoon',
        remote: false,
        place: 'Atelier de Châteauroux',
      });
    }
    const mission = await readMission(missionReadDependencies(), claire, facts.missionId);
    expect(mission.interventions.find((i) => i.id === 'I2')?.status).toBe('planned');
  });

  it('logs the volunteer’s « it took place », then takes the same answer again and refuses another', async () => {
    // When the volunteer clicks « it took place » and sends it with a note
    const sent = await answer({ token: tokenIn(volunteerMail, 'oui'), answer: 'held', note: 'Audit fait.' });
    expect(sent.status).toBe(200);
    expect((await sent.json()).message).toBe('Merci\u00a0! La demi-journée est notée comme réalisée.');

    // Then the mission shows it done, by the volunteer's link, with the note
    const mission = await readMission(missionReadDependencies(), claire, facts.missionId);
    const logged = mission.interventions.find((i) => i.id === 'I2');
    expect(logged?.status).toBe('done');
    expect(logged?.note).toBe('Audit fait.');
    expect(logged?.history.at(-1)?.actor.id).toBe('half-day-link:volunteer');

    // And the SME's link shows it logged; the same answer is taken, the opposite one refused
    const shown = await (await api(`/api/half-days?t=${encodeURIComponent(tokenIn(smeMail, 'non'))}`)).json();
    expect(shown.logged).toBe('done');
    expect(shown.otherName).not.toBe(mission.companyName);
    const same = await answer({ token: tokenIn(smeMail, 'oui'), answer: 'held' });
    expect(same.status).toBe(200);
    const opposite = await answer({ token: tokenIn(smeMail, 'non'), answer: 'not-held' });
    expect(opposite.status).toBe(422);
    expect((await opposite.json()).message).toMatch(/déjà notée comme réalisée.+répondez au courriel/);
    const after = await readMission(missionReadDependencies(), claire, facts.missionId);
    expect(after.version).toBe(mission.version);
  });

  it('logs the SME’s « it did not take place » as cancelled, saying so', async () => {
    const smeMails = (await mailsTo(facts.smeEmail)).filter((mail) => question.test(mail.subject));
    const aboutDayBefore = smeMails.find(
      (mail) => mail !== smeMail && !mail.body.text?.includes('après-midi'),
    );
    if (!aboutDayBefore) throw new Error('no mail about the half-day before yesterday');
    const sent = await answer({ token: tokenIn(aboutDayBefore, 'non'), answer: 'not-held' });
    expect(sent.status).toBe(200);
    expect((await sent.json()).message).toMatch(/n’ayant pas eu lieu/);
    const mission = await readMission(missionReadDependencies(), claire, facts.missionId);
    const cancelled = mission.interventions.find((i) => i.id === 'I3');
    expect(cancelled?.status).toBe('cancelled');
    expect(cancelled?.history.at(-1)).toMatchObject({
      change: 'cancelled',
      note: 'N’a pas eu lieu.',
      actor: { id: 'half-day-link:sme' },
    });
  });

  it('refuses a forged link, and an answer that is neither, in French', async () => {
    const forged = await api('/api/half-days?t=eyJhbGciOiJIUzI1NiJ9.e30.forged');
    expect(forged.status).toBe(404);
    expect((await forged.json()).message).toMatch(/n’est plus valable/);
    const forgedAnswer = await answer({ token: 'eyJhbGciOiJIUzI1NiJ9.e30.forged', answer: 'held' });
    expect(forgedAnswer.status).toBe(404);
    // A calendar link of the same mission does not open the question
    const calendarToken = await remindersDependencies().links.signCalendar(
      { missionId: facts.missionId, role: 'sme' },
      new Date(Date.now() + 86_400_000),
      new Date(),
    );
    expect((await api(`/api/half-days?t=${encodeURIComponent(calendarToken)}`)).status).toBe(404);
    const neither = await answer({ token: tokenIn(volunteerMail, 'oui'), answer: 'maybe' });
    expect(neither.status).toBe(400);
    const body = await neither.json();
    expect(body.errors).toEqual([
      expect.objectContaining({ field: 'answer', message: 'Dites-nous si la demi-journée a eu lieu.' }),
    ]);
  });
});
