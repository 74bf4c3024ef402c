import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.ts';
import { missionRepository } from '../../functions/db/mission-repository.ts';
import { config } from '../../functions/runtime/config.ts';
import { type RemindersDeps, sendDailyReminders } from '../../functions/use-cases/digests/daily-reminders.ts';
import { staffDigestCadenceDependencies } from '../../functions/wiring/mail-preferences.ts';
import { remindersDependencies } from '../../functions/wiring/reminders.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { localDynamoDbClient } from '../../infra/local/emulators.ts';
import { givenLocalCloud, mailbox, type StoredMail } from '../support/local-cloud.ts';
import { givenVolunteer } from '../support/missions.ts';
import { givenApplicationAt, givenCommittee, givenMissionAt, halfDay } from '../support/reminders.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * The daily reminders job through its real use case, against dynalite and the local SES, with a
 * fixed clock: the staff's digest, the half-days' reminders with their calendar, the « has it taken
 * place? » link, once each, even run twice or after a crash.
 */
const settings = readSettingsFile();
const indreStaff = ['alize@initiative-indre.example.org', 'direction@initiative-indre.example.org'];
const cloud = givenLocalCloud({
  settings: {
    ...settings,
    networks: settings.networks.map((network) =>
      network.id === 'indre' ? { ...network, staffEmails: indreStaff } : network,
    ),
  },
});
const mails = () => mailbox(cloud().urls.mailViewer);
const mailsTo = async (address: string): Promise<StoredMail[]> =>
  (await mails().all()).filter((mail) => mail.destination.to.includes(address));
const attachmentText = (mail: StoredMail) =>
  Buffer.from(mail.attachments?.[0]?.content ?? '', 'base64').toString('utf8');

// Monday 29 March 2027, 07:30 in Paris: the first run after the clocks went forward (Sunday 28th),
// and Easter Monday, a public holiday: the job runs, the working-day count skips it.
const easterMonday = new Date('2027-03-29T05:30:00Z');

describe('the daily reminders on Monday 29 March 2027', () => {
  const facts = {} as {
    late: string;
    recent: string;
    toPrepare: string;
    prepared: string;
    committeeId: string;
    active: string;
    pastEnd: string;
    closing: string;
    volunteerEmail: string;
    smeEmail: string;
  };

  beforeAll(async () => {
    // Received Friday 19 March (5 working days by the 29th, Easter Monday not counted), and Tuesday 23rd.
    facts.late = (
      await givenApplicationAt('2027-03-19T10:00:00.000Z', { companyName: 'Fonderie Aubert' })
    ).reference;
    facts.recent = (
      await givenApplicationAt('2027-03-23T10:00:00.000Z', { companyName: 'Verrerie Nouvelle' })
    ).reference;
    const committee = await givenCommittee('indre', '2027-04-06');
    facts.committeeId = committee.id;
    facts.toPrepare = (
      await givenApplicationAt('2027-02-01T10:00:00.000Z', {
        status: 'scheduled',
        committee,
        companyName: 'Tissage Roux',
      })
    ).reference;
    facts.prepared = (
      await givenApplicationAt('2027-02-02T10:00:00.000Z', {
        status: 'scheduled',
        committee,
        opinion: 'Avis favorable.',
        companyName: 'Biscuiterie Lenoir',
      })
    ).reference;
    const volunteer = await givenVolunteer();
    facts.volunteerEmail = volunteer.email;
    const withHalfDays = await givenApplicationAt('2027-01-02T10:00:00.000Z', {
      status: 'in-progress',
      companyName: 'Menuiserie Martin',
    });
    facts.smeEmail = withHalfDays.data.contact.email;
    facts.active = (
      await givenMissionAt(withHalfDays, volunteer, '2027-03-20T10:00:00.000Z', {
        interventions: [
          halfDay('I1', '2027-03-19', 'done'),
          // Friday 26th, still planned: past, nothing to remind.
          halfDay('I2', '2027-03-26'),
          // Wednesday 31st: reminded two days before, on Monday.
          halfDay('I3', '2027-03-31', 'planned', 'afternoon'),
        ],
      })
    ).id;
    facts.pastEnd = (
      await givenMissionAt(
        await givenApplicationAt('2027-01-03T10:00:00.000Z', {
          status: 'in-progress',
          companyName: 'Imprimerie Blanc',
        }),
        volunteer,
        '2027-03-01T10:00:00.000Z',
        { endDate: '2027-03-15', interventions: [halfDay('I1', '2027-03-10', 'done')] },
      )
    ).id;
    facts.closing = (
      await givenMissionAt(
        await givenApplicationAt('2027-01-04T10:00:00.000Z', {
          status: 'in-progress',
          companyName: 'Céramiques Petit',
        }),
        volunteer,
        '2027-03-10T10:00:00.000Z',
        {
          status: 'closing',
          interventions: [halfDay('I1', '2027-03-05', 'done')],
          history: [
            {
              at: '2027-03-10T10:00:00.000Z',
              actor: { id: 'sub-claire', name: 'Claire' },
              change: 'closing',
              from: 'active',
              to: 'closing',
            },
          ],
        },
      )
    ).id;
    await mails().clear();
  });

  it('sends each address of the network’s staff one digest, every line linking to its page', async () => {
    const report = await sendDailyReminders(remindersDependencies(), easterMonday);

    // The demo data of the local cloud may add other networks' digests and other missions' mails.
    expect(report).toMatchObject({ day: '2027-03-29', ran: true });
    expect(report.reminders).toBeGreaterThanOrEqual(2);
    expect(report.digests).toBeGreaterThanOrEqual(indreStaff.length);
    for (const address of indreStaff) {
      const digests = (await mailsTo(address)).filter((mail) => mail.subject.startsWith('Le point du'));
      expect(digests).toHaveLength(1);
      const [digest] = digests as [StoredMail];
      expect(digest.destination.to).toEqual([address]);
      const text = digest.body.text ?? '';
      const site = config().siteUrl;
      expect(text).toContain(`Fonderie Aubert, reçue le 19 mars 2027 (5\u00a0jours ouvrés)`);
      expect(text).toContain(`${site}/espace-equipe/candidature/?ref=${facts.late}`);
      expect(text).not.toContain(facts.recent);
      expect(text).toContain(
        'Comité du 6 avril 2027\u00a0: 1\u00a0candidature inscrite attend l’avis de l’équipe',
      );
      expect(text).toContain(`${site}/espace-equipe/comite/?id=${facts.committeeId}`);
      expect(text).toContain(`${site}/espace-equipe/candidature/?ref=${facts.toPrepare}`);
      expect(text).not.toContain(facts.prepared);
      expect(text).toContain('Menuiserie Martin, le 31 mars 2027 l’après-midi');
      expect(text).toContain(`${site}/espace-equipe/mission/?id=${facts.active}`);
      expect(text).toContain(
        `Imprimerie Blanc, fin prévue le 15 mars 2027\u00a0: ${site}/espace-equipe/mission/?id=${facts.pastEnd}`,
      );
      expect(text).toContain(
        `Céramiques Petit, bilan demandé le 10 mars 2027\u00a0: ${site}/espace-equipe/mission/?id=${facts.closing}`,
      );
      expect(digest.body.html).toContain(`href="${site}/espace-equipe/mission/?id=${facts.pastEnd}"`);
      expect(typographyFaults(digest.subject)).toEqual([]);
      expect(typographyFaults(text)).toEqual([]);
    }
  });

  it('sends no digest to a network with nothing to say', async () => {
    const cher = settings.networks.find((network) => network.id === 'cher');
    if (!cher) throw new Error('no Cher in the settings');
    const quiet = { ...cher, id: 'quiet', staffEmails: ['equipe@reseau-calme.example.org'] };
    const report = await sendDailyReminders({ ...remindersDependencies(), networks: [quiet] }, easterMonday);
    expect(report.digests).toBe(0);
    expect(await mailsTo('equipe@reseau-calme.example.org')).toEqual([]);
  });

  it('reminds the volunteer and the SME of Wednesday’s half-day, with the mission’s calendar attached', async () => {
    for (const address of [facts.volunteerEmail, facts.smeEmail]) {
      const reminders = (await mailsTo(address)).filter((mail) => mail.subject.startsWith('Rappel'));
      expect(reminders).toHaveLength(1);
      const [reminder] = reminders as [StoredMail];
      expect(reminder.subject).toBe('Rappel\u00a0: demi-journée Alizé du 31 mars 2027');
      expect(reminder.body.text).toContain('le 31 mars 2027, après-midi (14\u00a0h – 17\u00a0h\u00a030)');
      expect(typographyFaults(reminder.body.text ?? '')).toEqual([]);
      const calendar = new ICAL.Component(ICAL.parse(attachmentText(reminder)));
      const starts = calendar
        .getAllSubcomponents('vevent')
        .map((event) => String(event.getFirstPropertyValue('dtstart')));
      // 14:00 in Paris, summer time since Sunday: 12:00 UTC.
      expect(starts).toContain('2027-03-31T12:00:00Z');
    }
  });

  it('run again the same day, sends nothing more', async () => {
    const before = (await mails().all()).length;
    const report = await sendDailyReminders(remindersDependencies(), new Date('2027-03-29T09:15:00Z'));
    expect(report).toMatchObject({ digests: 0, reminders: 0 });
    expect((await mails().all()).length).toBe(before);
  });

  it('the next day, lists again what lasts and sends no reminder twice', async () => {
    await mails().clear();
    // Given the second address of Indre's staff chose, on the preferences page, the digest on Mondays only
    const [daily = '', weekly = ''] = indreStaff;
    const cadence = staffDigestCadenceDependencies();
    await cadence.recipients.savePreferences(
      await cadence.personKeys.of(weekly),
      { optedOut: [], staffDigestCadence: 'weekly' },
      new Date('2027-03-29T18:00:00Z'),
    );
    // Tuesday 30th: the half-day of the 31st is still in the digest's week, Monday's mails are not resent.
    await sendDailyReminders(remindersDependencies(), new Date('2027-03-30T05:30:00Z'));
    expect(await mailsTo(facts.volunteerEmail)).toEqual([]);
    expect(await mailsTo(facts.smeEmail)).toEqual([]);
    const digest = (await mailsTo(daily))[0];
    expect(digest?.body.text).toContain('Imprimerie Blanc, fin prévue le 15 mars 2027');
    expect(await mailsTo(weekly)).toEqual([]);
  });

  it('reads only the missions due: a mission moves on to its next due day once handled', async () => {
    const db = createDocumentClient(localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? ''));
    const repository = missionRepository(db, config().dataTableName);
    const ids = async (day: string) => (await repository.listRemindersDue(day)).map((mission) => mission.id);
    // Handled on the 30th, none is due that day any more; the past-end and the closing missions
    // come back every day until someone handles them, the active one for its half-day of the 31st.
    const mine = [facts.active, facts.closing, facts.pastEnd];
    expect((await ids('2027-03-30')).filter((id) => mine.includes(id))).toEqual([]);
    expect(await ids('2027-03-31')).toEqual(expect.arrayContaining(mine));
    db.destroy();
  });

  it('sends the digest of Mondays only to whoever chose it, the Monday after', async () => {
    await sendDailyReminders(remindersDependencies(), new Date('2027-04-05T05:30:00Z'));
    for (const address of indreStaff) {
      expect(
        (await mailsTo(address)).filter((mail) => mail.subject.startsWith('Le point du 5 avril 2027')),
      ).toHaveLength(1);
    }
  });
});

describe('a run that crashes in the middle', () => {
  it('sends nothing twice and forgets nothing on the next run', async () => {
    // Given three missions of Cher, each owing its volunteer and SME a reminder on Friday 4 June 2027
    const volunteer = await givenVolunteer({ network: 'cher' });
    const smes: string[] = [];
    for (const name of ['Atelier Un', 'Atelier Deux', 'Atelier Trois']) {
      const application = await givenApplicationAt('2027-01-05T10:00:00.000Z', {
        network: 'cher',
        status: 'in-progress',
        companyName: name,
      });
      smes.push(application.data.contact.email);
      await givenMissionAt(application, volunteer, '2027-06-01T10:00:00.000Z', {
        // Monday 7 June: reminded on Friday the 4th (the Saturday before has no run).
        interventions: [halfDay('I1', '2027-05-28', 'done'), halfDay('I2', '2027-06-07')],
      });
    }
    await mails().clear();
    const friday = new Date('2027-06-04T05:30:00Z');
    const real = remindersDependencies();
    let writes = 0;
    const failing: RemindersDeps = {
      ...real,
      mail: {
        ...real.mail,
        outbox: {
          ...real.mail.outbox,
          enqueue: async (input, now) => {
            if (++writes > 3) throw new Error('The table went away');
            return real.mail.outbox.enqueue(input, now);
          },
        },
      },
    };

    // When the run fails after three writes, and the next run goes through
    await expect(sendDailyReminders(failing, friday)).rejects.toThrow('The table went away');
    const afterCrash = (await mails().all()).length;
    await sendDailyReminders(real, friday);

    // Then each volunteer's and SME's reminder went exactly once
    expect(afterCrash).toBeGreaterThan(0);
    for (const address of smes) {
      expect((await mailsTo(address)).filter((mail) => mail.subject.startsWith('Rappel'))).toHaveLength(1);
    }
    expect((await mailsTo(volunteer.email)).filter((mail) => mail.subject.startsWith('Rappel'))).toHaveLength(
      3,
    );
    expect(
      (await mailsTo('alize@cher-entreprendre.example.org')).filter((mail) =>
        mail.subject.startsWith('Le point'),
      ),
    ).toHaveLength(1);
  });

  it('sends nothing on a Saturday run by hand', async () => {
    const report = await sendDailyReminders(remindersDependencies(), new Date('2027-06-05T05:30:00Z'));
    expect(report).toMatchObject({ ran: false, digests: 0, reminders: 0 });
  });
});
