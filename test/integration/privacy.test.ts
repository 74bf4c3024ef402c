import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.ts';
import { applicationKeys } from '../../functions/db/entities/application.ts';
import { outboxRepository } from '../../functions/db/outbox-repository.ts';
import { privacyRepository } from '../../functions/db/privacy-repository.ts';
import { submissionRepository } from '../../functions/db/submission-repository.ts';
import { publicFormOrigin, receivedState } from '../../functions/domain/applications/lifecycle.ts';
import { config } from '../../functions/runtime/config.ts';
import { moveApplication } from '../../functions/use-cases/applications/move-application.ts';
import { addNote, readApplication } from '../../functions/use-cases/applications/read-applications.ts';
import {
  createApplicationMission,
  planMissionIntervention,
  readMission,
} from '../../functions/use-cases/missions/staff-missions.ts';
import { anonymiseOnRequest } from '../../functions/use-cases/privacy/anonymise-record.ts';
import { applyRetention } from '../../functions/use-cases/privacy/apply-retention.ts';
import { submitApplication } from '../../functions/use-cases/public-forms/submit-application.ts';
import { applicationDependencies } from '../../functions/wiring/company-forms.ts';
import { missionDependencies } from '../../functions/wiring/mission-mail.ts';
import { privacyDependencies } from '../../functions/wiring/privacy.ts';
import { staffDependencies } from '../../functions/wiring/staff-mail.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { localDynamoDbClient } from '../../infra/local/emulators.ts';
import { frenchDay } from '../../shared/dates.ts';
import type { VolunteerRecord } from '../../shared/partners.ts';
import type { PersonExport } from '../../shared/staff-api.ts';
import {
  poster,
  storedData,
  validApplication,
  validContactMessage,
  validPartnerOffer,
} from '../support/form-posts.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';
import {
  givenApplication,
  givenVolunteer,
  isoDayFromToday,
  missionCompetence,
  missionPartnerId,
  newMission,
} from '../support/missions.ts';
import { claire, nadia, paul } from '../support/staff-actors.ts';
import { bearer, staffTokens } from '../support/staff-tokens.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * What is held about a person, and what is left once it must go: the export found through the
 * byPerson index, the anonymisation on request and the nightly retention job against dynalite, the
 * funders' CSV over HTTP.
 */
const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 10_000 } } });
const post = poster(cloud);
const stored = storedData(cloud);

const claireEmail = 'claire.bernard@initiative-indre.example.org';
const paulEmail = 'paul.girard@cher-entreprendre.example.org';
const nadiaEmail = 'nadia.roussel@astrees.example.org';

const staffGet = async (who: string, path: string) =>
  fetch(`${cloud().urls.site}${path}`, {
    headers: { accept: 'application/json', ...bearer(await staffTokens(cloud().issuer).access(who)) },
  });
const staffPost = async (who: string, path: string, body: unknown) =>
  fetch(`${cloud().urls.site}${path}`, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      ...bearer(await staffTokens(cloud().issuer).access(who)),
    },
    body: JSON.stringify(body),
  });

let posted = 0;
const anApplication = (email: string) => {
  const application = validApplication();
  application.contact.email = email;
  application.project.title = `Certification ISO 9001, étape ${++posted}`;
  return application;
};

const submitted = async (email: string) => {
  const answer = await post.json('/api/applications', anApplication(email));
  expect(answer.status).toBe(201);
  return answer.json().reference as string;
};

const exportOf = async (who: string, email: string) => {
  const answer = await staffGet(who, `/api/staff/people?email=${encodeURIComponent(email)}`);
  expect(answer.status).toBe(200);
  return (await answer.json()) as PersonExport;
};

describe('everything held about one person', () => {
  it('finds their application, offer and message by their address however it is typed, with notes', async () => {
    // Given a person who applied, offered partners' help and wrote, from one address
    const email = 'jeanne.export@menuiserie-café.example.fr';
    const reference = await submitted(email);
    const offer = validPartnerOffer();
    offer.contact.email = email;
    expect((await post.json('/api/partners', offer)).status).toBe(201);
    expect(
      (await post.json('/api/contact', { ...validContactMessage(), email, network: 'indre' })).status,
    ).toBe(201);
    await addNote(
      staffDependencies(),
      claire,
      reference,
      { text: 'Appelée ce matin, rappeler jeudi.' },
      new Date(),
    );
    // and someone else
    await submitted('quelqu-un.d-autre@example.fr');

    // When Indre's staff search for the address, typed otherwise
    const found = await exportOf(claireEmail, '  Jeanne.Export@MENUISERIE-CAFÉ.example.fr ');

    // Then they get the three records, nobody else's, each written out in French
    expect(found.email).toBe(`jeanne.export@${new URL('http://menuiserie-café.example.fr').hostname}`);
    expect(found.records.map((record) => record.kindLabel)).toEqual([
      'Candidature',
      'Proposition de partenariat',
      'Message de contact',
    ]);
    const [application] = found.records;
    expect(application?.reference).toBe(reference);
    expect(application?.anonymisable).toBe(true);
    const titles = application?.sections.map((section) => section.title) ?? [];
    expect(titles[0]).toBe(`Candidature ${reference}`);
    expect(titles).toContain('Durée de conservation');
    expect(titles.some((title) => title.startsWith('Note de l’équipe du'))).toBe(true);
    const text = JSON.stringify(found);
    expect(text).toContain('Appelée ce matin, rappeler jeudi.');
    expect(text).toContain('"label":"Adresse électronique","value":"jeanne.export@');
    expect(text).not.toContain('quelqu-un.d-autre');
    expect(text).not.toMatch(/personKey|networkStatus|APPLICATION#/);
    const words = found.records.flatMap((record) =>
      record.sections.flatMap((section) => [section.title, ...section.fields.map((field) => field.label)]),
    );
    expect(words.flatMap(typographyFaults)).toEqual([]);
  });

  it('shows Cher’s staff none of Indre’s records, and the national coordination all of them', async () => {
    const email = 'gerant.scope@menuiserie.example.fr';
    await submitted(email);

    expect((await exportOf(paulEmail, email)).records).toEqual([]);
    expect((await exportOf(nadiaEmail, email)).records).toHaveLength(1);
    expect((await exportOf(nadiaEmail, email)).records[0]?.anonymisable).toBe(false);
  });

  it('refuses an address that is none, in French', async () => {
    const answer = await staffGet(claireEmail, '/api/staff/people?email=pas-une-adresse');
    expect(answer.status).toBe(400);
    expect((await answer.json()).errors).toEqual([
      expect.objectContaining({ field: 'email', message: expect.stringContaining('n’est pas valide') }),
    ]);
  });
});

describe('anonymising an application on request', () => {
  it('leaves only its figures, keeps its history’s moves, and the person is found no more', async () => {
    // Given an application with a note, an opinion and a move with a reason
    const email = 'jeanne.efface@menuiserie.example.fr';
    const reference = await submitted(email);
    const deps = staffDependencies();
    await addNote(deps, claire, reference, { text: 'Mme Efface préfère être appelée le soir.' }, new Date());
    await moveApplication(
      deps,
      claire,
      reference,
      { to: 'info-requested', version: 1, reason: 'Il manque le bilan de Mme Efface.' },
      new Date(),
    );

    // When Indre's staff anonymise it, with the reason
    const answer = await staffPost(claireEmail, `/api/staff/records/${reference}/anonymisation`, {
      reason: 'Demande de la personne par courriel du 1er décembre.',
    });

    // Then what identified the person is gone, the figures stay
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ reference, alreadyDone: false, anonymisedBy: claire.name });
    const view = await readApplication(deps, claire, reference);
    expect(view.anonymisation).toMatchObject({
      actor: { name: claire.name },
      reason: 'Demande de la personne par courriel du 1er décembre.',
    });
    expect(view.company).toMatchObject({
      name: 'Entreprise anonymisée',
      siret: '',
      nafCode: '16.23Z',
      employees: 10,
    });
    expect(view.contact).toEqual({ firstName: 'Personne', lastName: 'anonymisée', email: '' });
    expect(view.project).toMatchObject({
      title: 'Projet anonymisé',
      description: '',
      jobsToCreate: 2,
      jobsToMaintain: 12,
    });
    expect(view.project.competences.map((competence) => competence.id)).toEqual([
      'indre-iso-9001',
      'indre-lean',
    ]);
    expect(view.history.map((line) => [line.to, line.actor.name, line.reason])).toEqual([
      ['received', expect.any(String), undefined],
      ['info-requested', claire.name, undefined],
    ]);
    expect(view.notes.map((note) => note.text)).toEqual(['']);
    expect(
      JSON.stringify(await stored.get({ pk: `APPLICATION#${reference}`, sk: 'APPLICATION' })),
    ).not.toMatch(/Efface|efface|Martin|0254|732 829|personKey|opinion/);
    expect((await exportOf(claireEmail, email)).records).toEqual([]);

    // And asking again changes nothing more
    const again = await staffPost(claireEmail, `/api/staff/records/${reference}/anonymisation`, {
      reason: 'Encore',
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({
      alreadyDone: true,
      reason: 'Demande de la personne par courriel du 1er décembre.',
    });
    expect((await readApplication(deps, claire, reference)).version).toBe(view.version);
  });

  it('is refused to another network and to the national coordination, and needs a reason', async () => {
    const reference = await submitted('gerant.refus@menuiserie.example.fr');
    const deps = privacyDependencies();

    await expect(
      anonymiseOnRequest(deps, paul, reference, { reason: 'Demande' }, new Date()),
    ).rejects.toThrow(/n’existe pas/);
    await expect(
      anonymiseOnRequest(deps, nadia, reference, { reason: 'Demande' }, new Date()),
    ).rejects.toThrow(/n’existe pas/);
    const noReason = await staffPost(claireEmail, `/api/staff/records/${reference}/anonymisation`, {});
    expect(noReason.status).toBe(400);
    expect((await exportOf(claireEmail, 'gerant.refus@menuiserie.example.fr')).records).toHaveLength(1);
  });

  it('finishes what a crash between writes left, when asked again or by the night’s job', async () => {
    // Given an application with a note, and a table that fails on the note's write
    const reference = await submitted('gerant.crash@menuiserie.example.fr');
    await addNote(staffDependencies(), claire, reference, { text: 'M. Crash, 06 00 00 00 00' }, new Date());
    const real = privacyDependencies();
    const failing = {
      ...real,
      privacy: { ...real.privacy, rewrite: () => Promise.reject(new Error('coupure')) },
    };

    // When the anonymisation dies after the record's write
    await expect(
      anonymiseOnRequest(failing, claire, reference, { reason: 'Demande' }, new Date()),
    ).rejects.toThrow('coupure');

    // Then the record is anonymised in one piece, the note not yet, and the retention mark is due now
    const halfway = await readApplication(staffDependencies(), claire, reference);
    expect(halfway.contact.email).toBe('');
    expect(halfway.notes[0]?.text).toBe('M. Crash, 06 00 00 00 00');

    // And the night's job finishes it
    const report = await applyRetention(retentionDeps(), new Date(Date.now() + 60_000));
    expect(report.tidied).toBeGreaterThanOrEqual(1);
    expect((await readApplication(staffDependencies(), claire, reference)).notes[0]?.text).toBe('');
  });
});

const retentionDeps = () => {
  const client = createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb));
  return {
    privacy: privacyRepository(client, config().dataTableName),
    outbox: outboxRepository(client, config().dataTableName),
  };
};

describe('the nightly retention job', () => {
  const day = 86_400_000;
  // Long before every other record of this file, so that the job's runs see only these.
  const receivedAt = new Date('2019-03-10T10:00:00.000Z');
  const threeYearsLater = new Date('2022-03-10T10:00:00.000Z');

  it('anonymises three years after the last contact, not a day before, and only once', async () => {
    // Given an application received on 10 March 2019, one with a mission still open, one contacted a year later
    const deps = applicationDependencies();
    const quiet = (
      await submitApplication(deps, anApplication('gerant.ancien@menuiserie.example.fr'), receivedAt)
    ).reference;
    const busy = (
      await submitApplication(deps, anApplication('gerant.mission@menuiserie.example.fr'), receivedAt)
    ).reference;
    await stored
      .applications()
      .move(
        { reference: busy, network: 'indre' },
        1,
        { at: receivedAt.toISOString(), actor: { id: 'x', name: 'x' }, from: 'approved', to: 'in-progress' },
        { notify: false },
      );
    const contacted = (
      await submitApplication(deps, anApplication('gerant.relance@menuiserie.example.fr'), receivedAt)
    ).reference;
    await moveApplication(
      staffDependencies(),
      claire,
      contacted,
      { to: 'qualified', version: 1 },
      new Date(receivedAt.getTime() + 365 * day),
    );

    // When the job runs the day before the three years
    const before = await applyRetention(retentionDeps(), new Date(threeYearsLater.getTime() - day));

    // Then nothing happens
    expect(before).toMatchObject({ anonymised: 0 });
    expect((await readApplication(staffDependencies(), claire, quiet)).contact.email).toBe(
      'gerant.ancien@menuiserie.example.fr',
    );

    // When it runs the day after
    const after = await applyRetention(retentionDeps(), new Date(threeYearsLater.getTime() + day));

    // Then the quiet one is anonymised, the one with its mission open and the one contacted since wait
    expect(after).toMatchObject({ anonymised: 1, postponed: 2 });
    const anonymised = await readApplication(staffDependencies(), claire, quiet);
    expect(anonymised.contact.email).toBe('');
    expect(anonymised.company.name).toBe('Entreprise anonymisée');
    expect((await readApplication(staffDependencies(), claire, busy)).contact.email).toBe(
      'gerant.mission@menuiserie.example.fr',
    );
    expect((await readApplication(staffDependencies(), claire, contacted)).contact.email).toBe(
      'gerant.relance@menuiserie.example.fr',
    );

    // And running twice changes nothing more
    const version = anonymised.version;
    expect(await applyRetention(retentionDeps(), new Date(threeYearsLater.getTime() + day))).toMatchObject({
      anonymised: 0,
      postponed: 0,
      tidied: 0,
    });
    expect((await readApplication(staffDependencies(), claire, quiet)).version).toBe(version);

    // And the one contacted a year later goes three years after that contact
    const later = await applyRetention(retentionDeps(), new Date(threeYearsLater.getTime() + 366 * day));
    expect(later).toMatchObject({ anonymised: 1 });
    expect((await readApplication(staffDependencies(), claire, contacted)).contact.email).toBe('');
  });

  it('expires a mail that could never be sent, and deletes it', async () => {
    const { outbox } = retentionDeps();
    const id = `jamais-envoye-${Date.now()}`;
    const failedAt = new Date('2019-01-01T10:00:00.000Z');
    await outbox.enqueue(
      {
        id,
        network: 'indre',
        mail: {
          from: { name: 'Alizé Indre', address: 'indre@alize.example.org' },
          to: ['x@example.fr'],
          subject: 'S',
          html: '<p>x</p>',
          text: 'x',
        },
      },
      failedAt,
    );
    await outbox.markFailed(id, 'MessageRejected', new Date(failedAt.getTime() + 30 * day));

    expect(await outbox.get(id, new Date(failedAt.getTime() + 29 * day))).toMatchObject({ status: 'failed' });
    expect(await outbox.get(id, new Date(failedAt.getTime() + 31 * day))).toBeUndefined();

    const report = await applyRetention(retentionDeps(), new Date(failedAt.getTime() + 31 * day));
    expect(report.expiredMails).toBe(1);
    expect(await stored.get({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' })).toBeUndefined();
  });
});

describe('the CSV of applications for funders', () => {
  it('is a file French spreadsheets open, one row per application of the period, formulas inert', async () => {
    // Given an application whose project title a spreadsheet would run as a formula
    const application = anApplication('gerant.csv@menuiserie.example.fr');
    application.project.title = '=HYPERLINK("https://pirate.example";"Atelier; bois")';
    const answer = await post.json('/api/applications', application);
    const reference = answer.json().reference as string;
    const today = new Date().toISOString().slice(0, 10);

    // When Indre's staff download the applications of this year
    const response = await staffGet(
      claireEmail,
      `/api/staff/exports/applications?network=indre&from=${today.slice(0, 4)}-01-01&to=${today.slice(0, 4)}-12-31`,
    );

    // Then it is UTF-8 CSV with a BOM, `;` between cells, CRLF between rows, named for the download
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="candidatures-indre-\d{4}-01-01-\d{4}-12-31\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    expect(csv.split('\r\n')[0]).toBe(
      'Référence;Réseau;Reçue le;Origine;Statut;Statut depuis le;Entreprise;Code NAF;Tranche d’effectif;Département;Projet;Compétences demandées;Emplois à créer;Emplois à maintenir;Date du comité;Anonymisée',
    );
    const rows = parse(csv, { delimiter: ';', record_delimiter: '\r\n', columns: true }) as Record<
      string,
      string
    >[];
    const row = rows.find((candidate) => candidate.Référence === reference);
    expect(row).toMatchObject({
      Réseau: 'Alizé Indre',
      Statut: 'Reçue',
      Entreprise: 'Menuiserie Martin',
      'Tranche d’effectif': '10 à 49 salariés',
      Département: '36',
      Projet: '\'=HYPERLINK("https://pirate.example";"Atelier; bois")',
      'Emplois à créer': '2',
      Anonymisée: 'non',
    });
    expect(row?.['Reçue le']).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(csv).not.toMatch(/claire\.martin|gerant\.csv|02 54/);
    expect(rows.every((candidate) => candidate.Réseau === 'Alizé Indre')).toBe(true);
  });

  it('takes the period in Paris days, both ends included: the first and last days in, the days either side out', async () => {
    // Given four applications received around a period of Paris days in winter (UTC+1): a second
    // before it starts, as it starts, as it ends and a second after (2025, so that no other test's are in it)
    const received = {
      before: '2025-03-09T22:59:59.999Z',
      firstDay: '2025-03-09T23:00:00.000Z',
      lastDay: '2025-03-20T22:59:59.999Z',
      after: '2025-03-20T23:00:00.000Z',
    };
    const references = Object.fromEntries(
      await Promise.all(
        Object.entries(received).map(
          async ([name, createdAt]) => [name, await givenApplication('received', { createdAt })] as const,
        ),
      ),
    );

    // When Indre's staff download the applications from 10 to 20 March 2025
    const response = await staffGet(
      claireEmail,
      '/api/staff/exports/applications?network=indre&from=2025-03-10&to=2025-03-20',
    );

    // Then the file lists the two received on those days, dated as Paris dates them, and not the others
    expect(response.status).toBe(200);
    const rows = parse(new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).slice(3)), {
      delimiter: ';',
      record_delimiter: '\r\n',
      columns: true,
    }) as Record<string, string>[];
    expect(rows.map((row) => [row.Référence, row['Reçue le']])).toEqual([
      [references.firstDay, '10/03/2025'],
      [references.lastDay, '20/03/2025'],
    ]);
  });

  it('refuses another network’s file, and a period that ends before it starts', async () => {
    const other = await staffGet(
      paulEmail,
      '/api/staff/exports/applications?network=indre&from=2026-01-01&to=2026-12-31',
    );
    expect(other.status).toBe(404);
    const backwards = await staffGet(
      claireEmail,
      '/api/staff/exports/applications?from=2026-12-31&to=2026-01-01',
    );
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).errors).toEqual([expect.objectContaining({ field: 'to' })]);
  });
});

describe('a record and its retention mark', () => {
  it('keeps both when the mark’s first write fails beside the record’s', async () => {
    // Given a table that refuses the first retention mark it is sent (a fault dynalite cannot cause)
    const client = createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb));
    let refused = 0;
    const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    const flaky = Object.assign(Object.create(client), {
      send: (command: { input?: { Item?: Record<string, unknown> } }) => {
        if (command.input?.Item?.entity === 'retention-mark' && refused === 0) {
          refused++;
          return Promise.reject(new Error('ProvisionedThroughputExceededException'));
        }
        return send(command);
      },
    }) as typeof client;
    const applications = submissionRepository<Record<string, unknown>>(
      flaky,
      config().dataTableName,
      applicationKeys,
    );
    const reference = `ALZ-36-2019-${String(Date.now()).slice(-6)}`;

    // When an application is created through it
    await applications.create({
      reference,
      network: 'indre',
      ...receivedState('2019-06-01T10:00:00.000Z', publicFormOrigin),
      data: {},
    });

    // Then the record is there, and so is the mark that will anonymise it
    expect(refused).toBe(1);
    expect((await applications.get(reference))?.submission.reference).toBe(reference);
    const partition = await privacyRepository(client, config().dataTableName).partition(
      `APPLICATION#${reference}`,
      new Date(),
    );
    expect(partition.map((item) => item.entity)).toContain('retention-mark');
  });
});

describe('an application with a mission, anonymised on request', () => {
  it('keeps the mission’s dates, half-days and figures, and drops every text typed about the SME', async () => {
    // Given an approved application whose mission has a half-day planned with a note and a place
    const reference = await givenApplication('approved');
    const deps = missionDependencies();
    const mission = await createApplicationMission(
      deps,
      claire,
      reference,
      newMission(await givenVolunteer()),
      new Date(),
    );
    await planMissionIntervention(
      deps,
      claire,
      mission.id,
      {
        version: 1,
        date: isoDayFromToday(3),
        slot: 'morning',
        place: 'Atelier de M. Secret',
        note: 'Appeler M. Secret au 06 12 34 56 78',
      },
      new Date(),
    );

    // When the person asks for their data to be erased
    await anonymiseOnRequest(
      privacyDependencies(),
      claire,
      reference,
      { reason: 'Demande écrite' },
      new Date(),
    );

    // Then the mission is still there with its half-day, and nothing of what was typed about them
    const after = await readMission(deps, claire, mission.id);
    expect(after.interventions).toHaveLength(1);
    expect(after.interventions[0]).toMatchObject({ status: 'planned', slot: 'morning' });
    expect(JSON.stringify(after)).not.toMatch(/Secret|06 12 34/);
  });
});

describe('a volunteer’s export', () => {
  const volunteerOf = async (firstName: string, email: string) => {
    const answer = await staffPost(claireEmail, '/api/staff/volunteers', {
      partnerId: missionPartnerId,
      firstName,
      lastName: 'Export',
      role: 'Ingénieure qualité',
      email,
      competences: [missionCompetence?.id],
    });
    expect(answer.status).toBe(201);
    return (await answer.json()) as VolunteerRecord;
  };
  const missionSections = (found: PersonExport) =>
    found.records.flatMap((record) =>
      record.sections
        .filter((section) => section.title.startsWith('Mission '))
        .map((section) => Object.fromEntries(section.fields.map((field) => [field.label, field.value]))),
    );

  it('lists the missions they ran, with their half-days, and a stranger’s lists none of them', async () => {
    // Given Léa, a volunteer entered in the back office, with a mission of two half-days (one with a
    // note typed about the SME), and Hugo, another volunteer, with a mission of his own
    const deps = missionDependencies();
    const lea = await volunteerOf('Léa', 'lea.export@partenaire.example.com');
    const hugo = await volunteerOf('Hugo', 'hugo.export@partenaire.example.com');
    const leasApplication = await givenApplication('approved');
    const hugosApplication = await givenApplication('approved');
    const start = isoDayFromToday(-10);
    const end = isoDayFromToday(200);
    let leas = await createApplicationMission(
      deps,
      claire,
      leasApplication,
      newMission(lea, { startDate: start, endDate: end }),
      new Date(),
    );
    leas = await planMissionIntervention(
      deps,
      claire,
      leas.id,
      {
        version: leas.version,
        date: isoDayFromToday(3),
        slot: 'morning',
        place: 'Atelier',
        note: 'Appeler M. Secret',
      },
      new Date(),
    );
    await planMissionIntervention(
      deps,
      claire,
      leas.id,
      { version: leas.version, date: isoDayFromToday(10), slot: 'afternoon', remote: true },
      new Date(),
    );
    const hugos = await createApplicationMission(
      deps,
      claire,
      hugosApplication,
      newMission(hugo),
      new Date(),
    );

    // When Indre's staff export what is held about Léa
    const found = await exportOf(claireEmail, 'Lea.Export@partenaire.example.com');

    // Then her volunteer record comes with her mission: its application, competence, dates, half-days
    expect(found.records.map((record) => record.kindLabel)).toEqual(['Salarié volontaire']);
    expect(missionSections(found)).toEqual([
      expect.objectContaining({
        Mission: leas.id,
        Candidature: leasApplication,
        Compétence: 'Préparer une certification ISO 9001',
        Début: frenchDay(start),
        Fin: frenchDay(end),
        'Demi-journées prévues': '4',
        'Demi-journée (1)': `le ${frenchDay(isoDayFromToday(3))}, matin, à Atelier, Prévue`,
        'Demi-journée (2)': `le ${frenchDay(isoDayFromToday(10))}, après-midi, à distance, Prévue`,
      }),
    ]);
    // And neither Hugo's mission nor what staff typed about the SME
    const text = JSON.stringify(found);
    expect(text).not.toContain(hugos.id);
    expect(text).not.toContain('Secret');
    const fields = found.records.flatMap((record) => record.sections.flatMap((section) => section.fields));
    expect(fields.flatMap((field) => typographyFaults(`${field.label} ${field.value}`))).toEqual([]);

    // When they export what is held about Hugo, a stranger to Léa's mission
    const strangers = await exportOf(claireEmail, 'hugo.export@partenaire.example.com');

    // Then it lists his mission only
    expect(missionSections(strangers).map((fields) => fields.Mission)).toEqual([hugos.id]);
    expect(JSON.stringify(strangers)).not.toContain(leas.id);
    expect(JSON.stringify(strangers)).not.toContain(leasApplication);
  });
});
