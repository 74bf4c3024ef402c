import { orientationLabels, sourceLabels, statusLabels } from '../../../shared/application-status.ts';
import { competenceCategories } from '../../../shared/catalogue.ts';
import { frenchDay, parisDateTime } from '../../../shared/dates.ts';
import {
  type HalfDaySlot,
  halfDaySlotLabels,
  type InterventionStatus,
  interventionStatusLabels,
  type MissionChange,
  type MissionStatus,
  missionChangeLabels,
  missionStatusLabels,
} from '../../../shared/missions.ts';
import { directoryStatusLabels } from '../../../shared/partners.ts';
import type { ExportedSection } from '../../../shared/staff-api.ts';
import { storageAttributes } from '../../../shared/tables.ts';

/**
 * What a person is handed when they ask what is held about them (RGPD, article 15): every item the
 * deployment keeps in each record found for them, written out with French labels. Generic over the
 * kinds of item: an attribute without a label of its own is shown under its path rather than left
 * out, so that nothing held is missing from the export. Missions and interventions (in the
 * application's partition) add their titles and labels to the tables below.
 */
type Item = Record<string, unknown>;

export const kindLabels: Readonly<Record<string, string>> = {
  application: 'Candidature',
  'partner-offer': 'Proposition de partenariat',
  'contact-message': 'Message de contact',
  partner: 'Entreprise partenaire',
  volunteer: 'Salarié volontaire',
};

/** The title of each kind of item living in a record's partition. */
export const itemTitles: Readonly<Record<string, (item: Item) => string>> = {
  application: (item) => `Candidature ${String(item.reference)}`,
  'partner-offer': (item) => `Proposition de partenariat ${String(item.reference)}`,
  'contact-message': (item) => `Message ${String(item.reference)}`,
  'staff-note': (item) => `Note de l’équipe du ${dateText(item.at)}`,
  mission: (item) => `Mission ${String(item.id)}`,
  'retention-mark': () => 'Durée de conservation',
  partner: (item) => `Entreprise partenaire ${String(item.name)}`,
  volunteer: (item) => `Salarié volontaire ${String(item.firstName)} ${String(item.lastName)}`,
};

/** French labels of attributes, by path (`data.contact.email`), for every kind of item. */
export const fieldLabels: Readonly<Record<string, string>> = {
  reference: 'Référence',
  network: 'Réseau',
  status: 'Statut',
  source: 'Origine',
  createdAt: 'Reçue le',
  updatedAt: 'Dernière modification le',
  committee: 'Comité',
  'committee.date': 'Date du comité',
  'committee.id': 'Comité',
  opinion: 'Avis de l’équipe',
  'anonymisation.at': 'Anonymisée le',
  'anonymisation.actor.name': 'Anonymisée par',
  'anonymisation.reason': 'Motif de l’anonymisation',
  'data.company.name': 'Entreprise',
  'data.company.siret': 'SIRET',
  'data.company.nafCode': 'Code NAF',
  'data.company.employees': 'Nombre de salariés',
  'data.company.sizeClass': 'Tranche d’effectif',
  'data.company.postcode': 'Code postal',
  'data.company.city': 'Commune (saisie)',
  'data.company.communeCode': 'Code INSEE de la commune',
  'data.company.communeName': 'Commune',
  'data.company.departement': 'Département',
  'data.company.createdYear': 'Année de création',
  'data.company.website': 'Site web',
  'data.contact.firstName': 'Prénom',
  'data.contact.lastName': 'Nom',
  'data.contact.role': 'Fonction',
  'data.contact.email': 'Adresse électronique',
  'data.contact.phone': 'Téléphone',
  'data.project.title': 'Titre du projet',
  'data.project.description': 'Description du projet',
  'data.project.competences': 'Compétences demandées',
  'data.project.jobsToCreate': 'Emplois à créer',
  'data.project.jobsToMaintain': 'Emplois à maintenir',
  'data.project.desiredStart': 'Début souhaité',
  'data.offer.categories': 'Domaines proposés',
  'data.offer.skills': 'Compétences proposées',
  'data.offer.volunteers': 'Salariés volontaires',
  'data.offer.message': 'Message',
  'data.name': 'Nom',
  'data.email': 'Adresse électronique',
  'data.phone': 'Téléphone',
  'data.organisation': 'Structure',
  'data.network': 'Réseau choisi',
  'data.postcode': 'Code postal',
  'data.departement': 'Département',
  'data.subject': 'Objet',
  'data.message': 'Message',
  'data.consentedAt': 'Consentement donné le',
  name: 'Nom de l’entreprise',
  siret: 'SIRET',
  sector: 'Secteur d’activité',
  'contact.firstName': 'Prénom du contact',
  'contact.lastName': 'Nom du contact',
  'contact.role': 'Fonction du contact',
  'contact.email': 'Adresse électronique du contact',
  'contact.phone': 'Téléphone du contact',
  fromOffer: 'Proposition de partenariat d’origine',
  partnerId: 'Entreprise partenaire',
  firstName: 'Prénom',
  lastName: 'Nom',
  role: 'Fonction',
  email: 'Adresse électronique',
  phone: 'Téléphone',
  competences: 'Compétences',
  at: 'Date',
  'author.name': 'Auteur',
  text: 'Texte',
  history: 'Historique',
};

/** Keys, index attributes and bookkeeping: nothing a person gave or that was said about them. */
const internal = new Set([
  ...storageAttributes,
  'entity',
  'notice',
  'version',
  'id',
  'author.id',
  'anonymisation.actor.id',
  'anonymised',
]);

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const dateText = (value: unknown) =>
  typeof value === 'string' && isoDay.test(value) ? frenchDay(value) : instantText(value);
const instantText = (value: unknown) =>
  typeof value === 'string' && isoInstant.test(value) ? parisDateTime(value) : String(value ?? '');

export interface ExportContext {
  networkName(id: string): string;
  /** The network's competence labels by id (an application stores ids). */
  competenceLabel(id: string): string;
}

const categoryLabels = new Map<string, string>(
  competenceCategories.map((category) => [category.id, category.label]),
);

const valueText = (path: string, value: unknown, context: ExportContext): string => {
  if (path === 'network' || path === 'data.network') return context.networkName(String(value));
  if (path === 'status') {
    return (
      statusLabels[value as keyof typeof statusLabels] ??
      directoryStatusLabels[value as keyof typeof directoryStatusLabels] ??
      String(value)
    );
  }
  if (path === 'competences' && Array.isArray(value)) {
    return value.map((id) => context.competenceLabel(String(id))).join(', ');
  }
  if (path === 'source') return sourceLabels[value as keyof typeof sourceLabels] ?? String(value);
  if (path === 'data.project.competences' && Array.isArray(value)) {
    return value.map((id) => context.competenceLabel(String(id))).join(', ');
  }
  if (path === 'data.offer.categories' && Array.isArray(value)) {
    return value.map((id) => categoryLabels.get(String(id)) ?? String(id)).join(', ');
  }
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (Array.isArray(value)) return value.map((entry) => dateText(entry)).join(', ');
  return dateText(value);
};

const historyLine = (line: Item): string => {
  const actor = (line.actor as Item | undefined)?.name;
  const to = statusLabels[line.to as keyof typeof statusLabels] ?? String(line.to);
  const from = line.from
    ? `${statusLabels[line.from as keyof typeof statusLabels] ?? String(line.from)} → `
    : '';
  const orientation = line.orientation
    ? `, orientation\u00a0: ${orientationLabels[line.orientation as keyof typeof orientationLabels] ?? String(line.orientation)}`
    : '';
  const reason = line.reason ? `, motif\u00a0: ${String(line.reason)}` : '';
  return `le ${dateText(line.at)}, ${from}${to}${actor ? `, par ${String(actor)}` : ''}${orientation}${reason}`;
};

const fieldsOf = (item: Item, context: ExportContext, prefix = ''): ExportedSection['fields'] =>
  Object.entries(item).flatMap(([name, value]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    if (internal.has(path) || value === undefined || value === null || value === '') return [];
    if (path === 'history' && Array.isArray(value)) {
      return (value as Item[]).map((line, index) => ({
        label: `${fieldLabels.history} (${index + 1})`,
        value: historyLine(line),
      }));
    }
    if (typeof value === 'object' && !Array.isArray(value)) return fieldsOf(value as Item, context, path);
    return [{ label: fieldLabels[path] ?? path, value: valueText(path, value, context) }];
  });

/** Kinds of item written out by a rule of their own rather than attribute by attribute. */
export const itemFields: Readonly<Record<string, (item: Item) => ExportedSection['fields']>> = {
  'retention-mark': (item) => [{ label: 'Anonymisation prévue au plus tôt le', value: dateText(item.dueAt) }],
  mission: (item) => missionFields(item),
};

const listOf = (value: unknown): Item[] => (Array.isArray(value) ? (value as Item[]) : []);
const present = (fields: { label: string; value: unknown }[]): ExportedSection['fields'] =>
  fields.flatMap(({ label, value }) =>
    value === undefined || value === null || value === '' ? [] : [{ label, value: String(value) }],
  );

const halfDaySlotText = (intervention: Item) =>
  `le ${dateText(intervention.date)}, ${halfDaySlotLabels[intervention.slot as HalfDaySlot] ?? intervention.slot}`;

/** A mission's half-days, one field each: when, where, what became of it, and its note if asked. */
const halfDayFields = (item: Item, { withNotes }: { withNotes: boolean }) =>
  listOf(item.interventions).map((intervention, index) => ({
    label: `Demi-journée (${index + 1})`,
    value: [
      halfDaySlotText(intervention),
      intervention.remote ? 'à distance' : intervention.place ? `à ${String(intervention.place)}` : '',
      interventionStatusLabels[intervention.status as InterventionStatus] ?? String(intervention.status),
      withNotes && intervention.note ? `note\u00a0: ${String(intervention.note)}` : '',
    ]
      .filter(Boolean)
      .join(', '),
  }));

/** An outcome as one line: the job figures (the SME's), the satisfaction and comment, the day given. */
const outcomeText = (outcome: Item) =>
  [
    outcome.jobsCreated !== undefined ? `emplois créés\u00a0: ${String(outcome.jobsCreated)}` : '',
    outcome.jobsMaintained !== undefined ? `emplois maintenus\u00a0: ${String(outcome.jobsMaintained)}` : '',
    outcome.satisfaction !== undefined ? `satisfaction\u00a0: ${String(outcome.satisfaction)}/5` : '',
    outcome.comment ? `commentaire\u00a0: ${String(outcome.comment)}` : '',
    `le ${dateText(outcome.at)}`,
  ]
    .filter(Boolean)
    .join(', ');

/** A mission, its half-days and its outcomes, as a person reads them (its lists would print as objects). */
const missionFields = (item: Item): ExportedSection['fields'] => {
  const checklist = (item.checklist ?? {}) as Item;
  const outcomes = (item.outcomes ?? {}) as { sme?: Item; volunteer?: Item; followUps?: Item[] };
  return present([
    { label: 'Mission', value: item.id },
    { label: 'Statut', value: missionStatusLabels[item.status as MissionStatus] ?? item.status },
    { label: 'Compétence', value: item.competenceId },
    { label: 'Entreprise partenaire', value: item.partnerId },
    { label: 'Salarié volontaire', value: item.volunteerId },
    { label: 'Demi-journées prévues', value: item.plannedHalfDays },
    { label: 'Début', value: item.startDate && dateText(item.startDate) },
    { label: 'Fin', value: item.endDate && dateText(item.endDate) },
    {
      label: 'Convention signée le',
      value: checklist.agreementSignedOn && dateText(checklist.agreementSignedOn),
    },
    {
      label: 'Accord écrit du salarié le',
      value: checklist.consentSignedOn && dateText(checklist.consentSignedOn),
    },
    ...halfDayFields(item, { withNotes: true }),
    ...(['sme', 'volunteer'] as const).map((who) => {
      const outcome = outcomes[who];
      if (!outcome) return { label: '', value: undefined };
      return {
        label: who === 'sme' ? 'Bilan de l’entreprise' : 'Bilan du salarié volontaire',
        value: outcomeText(outcome),
      };
    }),
    ...listOf(outcomes.followUps).map((followUp) => ({
      label: `Suivi à ${String(followUp.month)}\u00a0mois`,
      value: `emplois créés\u00a0: ${String(followUp.jobsCreated)}, emplois maintenus\u00a0: ${String(followUp.jobsMaintained)}, le ${dateText(followUp.at)}`,
    })),
    ...listOf(item.history).map((line, index) => ({
      label: `${fieldLabels.history} (${index + 1})`,
      value: `le ${dateText(line.at)}, ${missionChangeLabels[line.change as MissionChange] ?? String(line.change)}${line.note ? `, note\u00a0: ${String(line.note)}` : ''}`,
    })),
  ]);
};

/**
 * A mission a volunteer ran, in that volunteer's export: what the mission was (its application, its
 * competence by name, its dates), their half-days and their own outcome. Not the SME's outcome nor
 * the notes staff typed about the SME: those are the SME's, and are in the SME's own export.
 */
export const volunteerMissionSection = (item: Item, context: ExportContext): ExportedSection => {
  const checklist = (item.checklist ?? {}) as Item;
  const own = ((item.outcomes ?? {}) as { volunteer?: Item }).volunteer;
  return {
    title: `Mission ${String(item.id)}`,
    fields: present([
      { label: 'Mission', value: item.id },
      { label: 'Candidature', value: item.reference },
      { label: 'Statut', value: missionStatusLabels[item.status as MissionStatus] ?? item.status },
      { label: 'Compétence', value: context.competenceLabel(String(item.competenceId)) },
      { label: 'Demi-journées prévues', value: item.plannedHalfDays },
      { label: 'Début', value: item.startDate && dateText(item.startDate) },
      { label: 'Fin', value: item.endDate && dateText(item.endDate) },
      {
        label: 'Accord écrit du salarié le',
        value: checklist.consentSignedOn && dateText(checklist.consentSignedOn),
      },
      ...halfDayFields(item, { withNotes: false }),
      { label: 'Bilan du salarié volontaire', value: own && outcomeText(own) },
    ]),
  };
};

/** One item written out: its title, and each attribute it holds with its French label. */
export const exportedSection = (item: Item, context: ExportContext): ExportedSection => ({
  title: itemTitles[String(item.entity)]?.(item) ?? String(item.entity ?? 'Élément'),
  fields: itemFields[String(item.entity)]?.(item) ?? fieldsOf(item, context),
});
