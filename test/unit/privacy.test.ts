import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { applicationColumns } from '../../functions/domain/exports/application-columns.ts';
import { csvDate, csvDateTime, inertText, toCsv } from '../../functions/domain/exports/csv.ts';
import {
  anonymisedData,
  anonymisedHistory,
  childRewrites,
  UnknownChildError,
} from '../../functions/domain/privacy/anonymisation.ts';
import { exportedSection, volunteerMissionSection } from '../../functions/domain/privacy/person-export.ts';
import { normalisedEmail, personKeyOf } from '../../functions/domain/privacy/person-key.ts';
import { anonymisationDueAt, retentionDecision } from '../../functions/domain/privacy/retention.ts';
import { typographyFaults } from '../support/typography.ts';

const secret = new Uint8Array(32).fill(7);

describe('the person key', () => {
  it('is the same for one address however it is typed, and differs for another', () => {
    const key = personKeyOf('jeanne.dupont@exemple-café.fr', secret);

    expect(personKeyOf('  Jeanne.Dupont@EXEMPLE-CAFÉ.FR ', secret)).toBe(key);
    expect(personKeyOf('jeanne.dupont@xn--exemple-caf-lbb.fr', secret)).toBe(key);
    expect(personKeyOf('jeanne.dupond@exemple-café.fr', secret)).not.toBe(key);
    expect(normalisedEmail(' Jeanne.Dupont@Exemple-Café.FR')).toBe('jeanne.dupont@xn--exemple-caf-lbb.fr');
  });

  it('cannot be matched back to the address without the secret', () => {
    const key = personKeyOf('jeanne.dupont@exemple.fr', secret);

    expect(key).not.toContain('jeanne');
    expect(personKeyOf('jeanne.dupont@exemple.fr', new Uint8Array(32).fill(8))).not.toBe(key);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

const application = {
  company: {
    name: 'Menuiserie Dupont',
    siret: '73282932000074',
    nafCode: '16.23Z',
    employees: 12,
    postcode: '36000',
    city: 'Châteauroux',
    communeCode: '36044',
    communeName: 'Châteauroux',
    departement: '36',
    createdYear: 1998,
    website: 'https://menuiserie.example.fr',
  },
  contact: {
    firstName: 'Jeanne',
    lastName: 'Dupont',
    role: 'Gérante',
    email: 'jeanne@menuiserie.example.fr',
    phone: '02 54 00 00 00',
  },
  project: {
    title: 'Nouvel atelier',
    description: 'Nous voulons doubler notre atelier et embaucher deux menuisiers.',
    competences: ['indre-rh'],
    jobsToCreate: 2,
    jobsToMaintain: 10,
    desiredStart: '2027-03',
  },
  consentedAt: '2026-12-01T10:00:00.000Z',
};

describe('an anonymised application', () => {
  it('keeps only what statistics need', () => {
    const data = anonymisedData.application?.(application) ?? {};

    expect(data).toEqual({
      company: {
        name: 'Entreprise anonymisée',
        siret: '',
        postcode: '',
        city: '',
        communeCode: '',
        communeName: '',
        departement: '36',
        nafCode: '16.23Z',
        employees: 10,
        sizeClass: '10 à 49 salariés',
      },
      contact: { firstName: 'Personne', lastName: 'anonymisée', email: '' },
      project: {
        title: 'Projet anonymisé',
        description: '',
        competences: ['indre-rh'],
        jobsToCreate: 2,
        jobsToMaintain: 10,
        desiredStart: '2027-03',
      },
      consentedAt: '2026-12-01T10:00:00.000Z',
    });
    expect(JSON.stringify(data)).not.toMatch(/Jeanne|Dupont|menuiserie|0254|73282932|Châteauroux/i);
  });

  it('keeps each move and its author, not the reasons typed', () => {
    const history = [
      { at: '2026-12-01T10:00:00.000Z', actor: { id: 'a', name: 'claire' }, to: 'received' },
      {
        at: '2026-12-02T10:00:00.000Z',
        actor: { id: 'a', name: 'claire' },
        from: 'received',
        to: 'info-requested',
        reason: 'Mme Dupont doit envoyer son bilan',
      },
    ];

    expect(anonymisedHistory(history)).toEqual([
      history[0],
      {
        at: '2026-12-02T10:00:00.000Z',
        actor: { id: 'a', name: 'claire' },
        from: 'received',
        to: 'info-requested',
      },
    ]);
  });

  it('empties the notes once, and refuses an item of a kind it has no rule for', () => {
    const note = { entity: 'staff-note', text: 'Appelé Mme Dupont', at: '2026-12-02T10:00:00.000Z' };

    expect(childRewrites([note])[0]?.rewrite).toEqual({ set: { text: '', anonymised: true }, remove: [] });
    expect(childRewrites([{ ...note, text: '', anonymised: true }])[0]?.rewrite).toBeUndefined();
    expect(() => childRewrites([{ entity: 'something-new' }])).toThrow(UnknownChildError);
  });
});

describe('the retention rule', () => {
  const record = {
    entity: 'application',
    status: 'rejected',
    createdAt: '2026-01-10T09:00:00.000Z',
    history: [{ at: '2026-02-10T09:00:00.000Z' }],
  };

  it('anonymises three years after the last contact, not before', () => {
    expect(anonymisationDueAt('2026-02-10T09:00:00.000Z')).toBe('2029-02-10T09:00:00.000Z');
    expect(retentionDecision(record, [], new Date('2029-02-09T09:00:00.000Z'))).toEqual({
      kind: 'postpone',
      dueAt: '2029-02-10T09:00:00.000Z',
      why: 'recent-contact',
    });
    expect(retentionDecision(record, [], new Date('2029-02-11T09:00:00.000Z'))).toEqual({
      kind: 'anonymise',
    });
  });

  it('counts a note as a contact, and waits while a mission is open', () => {
    const note = { entity: 'staff-note', at: '2027-06-01T09:00:00.000Z' };
    expect(retentionDecision(record, [note], new Date('2029-02-11T09:00:00.000Z'))).toMatchObject({
      kind: 'postpone',
      dueAt: '2030-06-01T09:00:00.000Z',
    });
    expect(
      retentionDecision({ ...record, status: 'in-progress' }, [], new Date('2029-02-11T09:00:00.000Z')),
    ).toMatchObject({
      kind: 'postpone',
      why: 'open-work',
    });
  });
});

describe('the person export', () => {
  it('writes every attribute out with a French label, and nothing of the keys', () => {
    const section = exportedSection(
      {
        pk: 'APPLICATION#ALZ-36-2026-0001',
        sk: 'APPLICATION',
        entity: 'application',
        personKey: 'abc',
        networkStatus: 'application#indre#received',
        reference: 'ALZ-36-2026-0001',
        network: 'indre',
        status: 'received',
        createdAt: '2026-12-01T19:13:00.000Z',
        history: [
          { at: '2026-12-01T19:13:00.000Z', actor: { id: 'x', name: 'Formulaire du site' }, to: 'received' },
        ],
        data: application,
        somethingNew: 'kept anyway',
      },
      { networkName: () => 'Alizé Indre', competenceLabel: () => 'Ressources humaines' },
    );

    expect(section.title).toBe('Candidature ALZ-36-2026-0001');
    const fields = Object.fromEntries(section.fields.map((field) => [field.label, field.value]));
    expect(fields).toMatchObject({
      Réseau: 'Alizé Indre',
      Statut: 'Reçue',
      'Reçue le': '1er décembre 2026 à 20\u00a0h\u00a013',
      Prénom: 'Jeanne',
      'Adresse électronique': 'jeanne@menuiserie.example.fr',
      'Compétences demandées': 'Ressources humaines',
      'Historique (1)': 'le 1er décembre 2026 à 20\u00a0h\u00a013, Reçue, par Formulaire du site',
      somethingNew: 'kept anyway',
    });
    expect(JSON.stringify(section)).not.toMatch(/personKey|networkStatus|APPLICATION#|"abc"/);
    expect(section.fields.flatMap((field) => typographyFaults(`${field.label} ${field.value}`))).toEqual([]);
  });
});

const missionItem = {
  pk: 'APPLICATION#ALZ-36-2026-0001',
  sk: 'MISSION#0001',
  entity: 'mission',
  id: 'ALZ-36-2026-0001-M1',
  status: 'active',
  competenceId: 'indre-iso-9001',
  partnerId: 'indre-aero',
  volunteerId: 'indre-v-abc123',
  plannedHalfDays: 4,
  startDate: '2027-03-01',
  endDate: '2027-12-31',
  checklist: { agreementSignedOn: '2027-02-20', consentSignedOn: '2027-02-21' },
  interventions: [
    {
      id: 'I1',
      date: '2027-03-29',
      slot: 'morning',
      remote: false,
      place: 'Atelier de M. Secret',
      status: 'done',
      note: 'Appeler M. Secret',
      sequence: 0,
      history: [
        {
          at: '2027-03-01T10:00:00.000Z',
          actor: { id: 'x', name: 'Claire' },
          change: 'planned',
          note: 'Chez M. Secret',
        },
      ],
    },
  ],
  outcomes: {
    sme: {
      jobsCreated: 1,
      jobsMaintained: 4,
      satisfaction: 5,
      comment: 'Merci à M. Secret',
      at: '2027-04-02T10:00:00.000Z',
      by: 'sme',
    },
    followUps: [],
  },
  history: [
    {
      at: '2027-03-01T10:00:00.000Z',
      actor: { id: 'x', name: 'Claire' },
      change: 'started',
      note: 'Vu M. Secret',
    },
  ],
};

describe('a mission in the person export and the anonymisation', () => {
  it('is written out in French, half-day by half-day, never as raw objects', () => {
    const section = exportedSection(missionItem, {
      networkName: () => 'Alizé Indre',
      competenceLabel: (id) => id,
    });

    expect(section.title).toBe('Mission ALZ-36-2026-0001-M1');
    const fields = Object.fromEntries(section.fields.map((field) => [field.label, field.value]));
    expect(fields).toMatchObject({
      Statut: 'En cours',
      'Demi-journée (1)':
        'le 29 mars 2027, matin, à Atelier de M. Secret, Réalisée, note\u00a0: Appeler M. Secret',
      'Historique (1)': 'le 1er mars 2027 à 11\u00a0h, Mission démarrée, note\u00a0: Vu M. Secret',
    });
    expect(fields['Bilan de l’entreprise']).toContain('emplois maintenus\u00a0: 4');
    expect(JSON.stringify(section)).not.toContain('[object Object]');
  });

  it('shows the volunteer who ran it their half-days and their own outcome, not the SME’s', () => {
    // Given the mission with the volunteer's answer beside the SME's
    const item = {
      ...missionItem,
      reference: 'ALZ-36-2026-0001',
      outcomes: {
        ...missionItem.outcomes,
        volunteer: { satisfaction: 4, comment: 'Équipe accueillante', at: '2027-04-03T10:00:00.000Z' },
      },
    };

    // When it is written out in the volunteer's export
    const section = volunteerMissionSection(item, {
      networkName: () => 'Alizé Indre',
      competenceLabel: (id) => (id === 'indre-iso-9001' ? 'Préparer une certification ISO 9001' : id),
    });

    // Then it names the application and the competence, and tells each half-day and their answer
    const fields = Object.fromEntries(section.fields.map((field) => [field.label, field.value]));
    expect(fields).toMatchObject({
      Candidature: 'ALZ-36-2026-0001',
      Compétence: 'Préparer une certification ISO 9001',
      Début: '1er mars 2027',
      'Demi-journée (1)': 'le 29 mars 2027, matin, à Atelier de M. Secret, Réalisée',
      'Bilan du salarié volontaire':
        'satisfaction\u00a0: 4/5, commentaire\u00a0: Équipe accueillante, le 3 avril 2027 à 12\u00a0h',
    });
    // And nothing typed about the SME: not the notes, not its outcome
    expect(JSON.stringify(section)).not.toMatch(/Appeler|Merci à M\. Secret|Vu M\. Secret|emplois/);
  });

  it('loses every free text of its list, and keeps its dates, half-days and figures', () => {
    const [rewrite] = childRewrites([missionItem]);
    const after = { ...missionItem, ...rewrite?.rewrite?.set };

    expect(JSON.stringify(after)).not.toContain('Secret');
    expect(after.interventions).toEqual([
      expect.objectContaining({ date: '2027-03-29', status: 'done', slot: 'morning' }),
    ]);
    expect(after.outcomes.sme).toMatchObject({ jobsCreated: 1, jobsMaintained: 4, satisfaction: 5 });
    expect(childRewrites([{ ...after }])[0]?.rewrite).toBeUndefined();
  });
});

describe('the CSV writer', () => {
  const columns = [
    { header: 'Texte', cell: (row: { text: string; count?: number }) => row.text },
    { header: 'Nombre', cell: (row: { text: string; count?: number }) => row.count },
  ];

  it('writes what French spreadsheets open: BOM, semicolons, CRLF', () => {
    const csv = toCsv(columns, [{ text: 'Atelier', count: 3 }]);

    expect(csv).toBe('\ufeffTexte;Nombre\r\nAtelier;3\r\n');
  });

  it('quotes a cell holding a semicolon, a quote or a line break, and reads back the same', () => {
    const texts = ['Dupont; fils', 'L’atelier « "Bois" »', 'deux\nlignes', 'retour\r\nchariot'];
    const csv = toCsv(
      columns,
      texts.map((text) => ({ text })),
    );

    expect(csv).toContain('"Dupont; fils"');
    expect(csv).toContain('"L’atelier « ""Bois"" »"');
    expect(csv).toContain('"deux\nlignes"');
    const rows = parse(csv.slice(1), {
      delimiter: ';',
      record_delimiter: '\r\n',
      relax_column_count: true,
    }) as string[][];
    expect(rows.slice(1).map((row) => row[0])).toEqual(texts);
  });

  it('makes a cell that a spreadsheet would run as a formula inert', () => {
    for (const formula of [
      '=HYPERLINK("https://pirate.example";"clic")',
      '+33 2 54',
      '-1+1',
      '@SUM(A1)',
      '\tx',
      '\rx',
    ]) {
      expect(inertText(formula)).toBe(`'${formula}`);
    }
    expect(inertText('Atelier = bois')).toBe('Atelier = bois');
    const csv = toCsv(columns, [{ text: '=1+1', count: -2 }]);
    expect(csv).toContain("'=1+1;-2\r\n");
  });

  it('writes dates as a French spreadsheet reads them, in Paris time', () => {
    expect(csvDate('2026-12-31T23:30:00.000Z')).toBe('01/01/2027');
    expect(csvDateTime('2026-07-14T08:05:00.000Z')).toBe('14/07/2026 10:05');
  });

  it('names the applications’ columns in French', () => {
    expect(applicationColumns.map((column) => column.header)).toContain('Tranche d’effectif');
    expect(applicationColumns.map((column) => column.header)).toContain('Emplois à maintenir');
  });
});
