import type { ApplicationData } from '../../functions/db/entities/application.ts';
import { type CommitteeRecord, committeeId } from '../../functions/db/entities/committee.ts';
import type { StoredSubmission } from '../../functions/db/entities/submission.ts';
import type { HistoryEntry } from '../../functions/domain/applications/lifecycle.ts';
import { publicFormActor } from '../../functions/domain/applications/lifecycle.ts';
import type { ApplicationStatus } from '../../shared/application-lifecycle.ts';
import { parisIsoDate } from '../../shared/dates.ts';
import { staffAccounts } from './staff-accounts.ts';

/**
 * Demo applications at every stage, for each demo network, so that a newcomer who signs in finds a
 * living inbox and a committee to prepare. Dates are relative to the first start.
 */
interface DemoNetwork {
  id: string;
  departement: string;
  commune: { code: string; name: string; postcode: string };
  staff: { id: string; name: string };
  competences: string[];
}

/** The seeded account who did a demo application's steps, as its token would name them. */
const staffActor = (email: string) => {
  const account = staffAccounts.find((candidate) => candidate.email === email);
  if (!account) throw new Error(`No seeded staff account ${email}`);
  return { id: account.sub, name: account.email };
};

export const demoNetworks: DemoNetwork[] = [
  {
    id: 'indre',
    departement: '36',
    commune: { code: '36044', name: 'Châteauroux', postcode: '36000' },
    staff: staffActor('claire.bernard@initiative-indre.example.org'),
    competences: ['indre-iso-9001', 'indre-lean', 'indre-recrutement', 'indre-export', 'indre-tresorerie'],
  },
  {
    id: 'cher',
    departement: '18',
    commune: { code: '18033', name: 'Bourges', postcode: '18000' },
    staff: staffActor('paul.girard@cher-entreprendre.example.org'),
    competences: ['cher-iso-9001', 'cher-lean', 'cher-recrutement', 'cher-export', 'cher-tresorerie'],
  },
];

/** A SIRET that passes the Luhn check, made from a 13-digit stem. */
const siretFrom = (stem: string) => {
  const digits = stem.split('').map(Number);
  const sum = (withCheck: number) =>
    [...digits, withCheck].reverse().reduce((total, digit, index) => {
      const doubled = index % 2 === 1 ? digit * 2 : digit;
      return total + (doubled > 9 ? doubled - 9 : doubled);
    }, 0);
  const check = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((candidate) => sum(candidate) % 10 === 0) ?? 0;
  return `${stem}${check}`;
};

const companies = [
  {
    name: 'Menuiserie Lefèvre',
    first: 'Julie',
    last: 'Lefèvre',
    employees: 8,
    project: 'Structurer la production',
    naf: '16.23Z',
  },
  {
    name: 'Atelier Berthier',
    first: 'Marc',
    last: 'Berthier',
    employees: 23,
    project: 'Préparer la certification ISO 9001',
    naf: '25.62B',
  },
  {
    name: 'Transports Roux',
    first: 'Sophie',
    last: 'Roux',
    employees: 41,
    project: 'Recruter trois conducteurs',
    naf: '49.41A',
  },
  {
    name: 'Biscuiterie du Val',
    first: 'Karim',
    last: 'Haddad',
    employees: 12,
    project: 'Vendre à l’export',
    naf: '10.72Z',
  },
  {
    name: 'Garage Moreau',
    first: 'Nathalie',
    last: 'Moreau',
    employees: 6,
    project: 'Redresser la trésorerie',
    naf: '45.20A',
  },
  {
    name: 'Imprimerie Caron',
    first: 'Hugo',
    last: 'Caron',
    employees: 17,
    project: 'Réorganiser l’atelier en lean',
    naf: '18.12Z',
  },
  {
    name: 'Fromagerie Petit',
    first: 'Léa',
    last: 'Petit',
    employees: 4,
    project: 'Former une nouvelle équipe',
    naf: '10.51C',
  },
  {
    name: 'Serrurerie Blanc',
    first: 'Thomas',
    last: 'Blanc',
    employees: 29,
    project: 'Répondre aux marchés publics',
    naf: '25.12Z',
  },
  {
    name: 'Paysages Girard',
    first: 'Emma',
    last: 'Girard',
    employees: 9,
    project: 'Maintenir les emplois après une reprise',
    naf: '81.30Z',
  },
  {
    name: 'Chaudronnerie Masson',
    first: 'Louis',
    last: 'Masson',
    employees: 52,
    project: 'Entrer sur le marché aéronautique',
    naf: '25.29Z',
  },
  {
    name: 'Boulangerie Renard',
    first: 'Camille',
    last: 'Renard',
    employees: 7,
    project: 'Ouvrir un second point de vente',
    naf: '10.71C',
  },
];

/** Each demo application's path: the statuses it went through after `received`, with why. */
const paths: { moves: [ApplicationStatus, string?][]; daysAgo: number; committee?: 'upcoming' | 'past' }[] = [
  { moves: [], daysAgo: 2 },
  { moves: [], daysAgo: 9 },
  { moves: [['qualified']], daysAgo: 20 },
  { moves: [['info-requested', 'Merci de nous transmettre votre dernier bilan.']], daysAgo: 25 },
  { moves: [['qualified'], ['scheduled']], daysAgo: 35, committee: 'upcoming' },
  { moves: [['qualified'], ['scheduled']], daysAgo: 40, committee: 'upcoming' },
  {
    moves: [['qualified'], ['scheduled'], ['approved', 'Projet solide, besoin clair.']],
    daysAgo: 70,
    committee: 'past',
  },
  {
    moves: [['qualified'], ['scheduled'], ['deferred', 'Le plan de financement doit être précisé.']],
    daysAgo: 75,
    committee: 'past',
  },
  {
    moves: [['qualified'], ['scheduled'], ['rejected', 'Le besoin relève d’un cabinet de conseil.']],
    daysAgo: 80,
    committee: 'past',
  },
  { moves: [['ineligible', 'Entreprise de plus de 250 salariés dans son groupe.']], daysAgo: 15 },
  {
    moves: [
      ['qualified'],
      [
        'withdrawn',
        'La dirigeante retire sa demande\u00a0: le second point de vente est reporté à l’an prochain.',
      ],
    ],
    daysAgo: 45,
  },
];

const dayMs = 86_400_000;

export const demoCommittees = (network: DemoNetwork, now: Date) => {
  const upcoming = parisIsoDate(new Date(now.getTime() + 12 * dayMs));
  const past = parisIsoDate(new Date(now.getTime() - 50 * dayMs));
  const record = (date: string, createdDaysAgo: number): CommitteeRecord => ({
    id: committeeId(network.id, date),
    network: network.id,
    date,
    time: '14:30',
    place: network.id === 'indre' ? 'Initiative Indre, Châteauroux' : 'Cher Entreprendre, Bourges',
    createdAt: new Date(now.getTime() - createdDaysAgo * dayMs).toISOString(),
    createdBy: network.staff,
    decisions: [],
  });
  return { upcoming: record(upcoming, 30), past: record(past, 90) };
};

/** The demo applications of one network, given the references the sequence handed out. */
export const demoApplications = (
  network: DemoNetwork,
  references: string[],
  now: Date,
): StoredSubmission<ApplicationData>[] => {
  const committees = demoCommittees(network, now);
  return paths.map((path, index) => {
    const company = companies[index % companies.length] ?? companies[0];
    if (!company) throw new Error('no demo company');
    const reference = references[index] ?? `demo-${index}`;
    const receivedAt = new Date(now.getTime() - path.daysAgo * dayMs);
    const history: HistoryEntry[] = [
      { at: receivedAt.toISOString(), actor: publicFormActor, to: 'received' },
    ];
    let status: ApplicationStatus = 'received';
    let committee: { id: string; date: string } | undefined;
    for (const [step, [to, reason]] of path.moves.entries()) {
      const at = new Date(receivedAt.getTime() + (step + 1) * 4 * dayMs).toISOString();
      const entry: HistoryEntry = {
        at,
        actor: network.staff,
        from: status,
        to,
        ...(reason ? { reason } : {}),
      };
      if (to === 'scheduled') {
        const chosen = path.committee === 'past' ? committees.past : committees.upcoming;
        committee = { id: chosen.id, date: chosen.date };
        entry.committee = committee;
      }
      if (to === 'ineligible') entry.orientation = 'other-programme';
      history.push(entry);
      status = to;
    }
    const last = history.at(-1)?.at ?? receivedAt.toISOString();
    const slug = company.last
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]/g, '');
    return {
      reference,
      network: network.id,
      status,
      createdAt: receivedAt.toISOString(),
      updatedAt: last,
      version: history.length,
      history,
      source: index === 1 ? 'met-by-staff' : 'public-form',
      ...(committee ? { committee } : {}),
      ...(status === 'scheduled'
        ? { opinion: 'Dirigeant motivé, besoin précis et à la portée de nos partenaires.' }
        : {}),
      data: {
        company: {
          name: company.name,
          siret: siretFrom(
            `${network.departement}${String(1234567 + index * 7919).padStart(7, '0')}0001`.slice(0, 13),
          ),
          nafCode: company.naf,
          employees: company.employees,
          postcode: network.commune.postcode,
          city: network.commune.name,
          communeCode: network.commune.code,
          communeName: network.commune.name,
          departement: network.departement,
        },
        contact: {
          firstName: company.first,
          lastName: company.last,
          role: 'Dirigeant·e',
          email: `${slug}@pme-${network.id}.example.fr`,
          phone: '02 54 00 00 00',
        },
        project: {
          title: company.project,
          description: `${company.project}\u00a0: l’entreprise cherche l’appui d’un salarié expérimenté d’une grande entreprise du territoire pour avancer, quelques demi-journées réparties sur l’année.`,
          competences: network.competences.slice(index % 3, (index % 3) + 2),
          jobsToCreate: index % 4,
          jobsToMaintain: company.employees,
        },
        consentedAt: receivedAt.toISOString(),
      },
    };
  });
};

export const demoApplicationCount = paths.length;
