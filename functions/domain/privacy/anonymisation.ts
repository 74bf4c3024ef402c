/**
 * What is left of a record once its person asked to be forgotten, or three years passed without
 * contact: only what statistics need (network, dates, statuses and who moved them, size class,
 * sector, département, competences asked, jobs figures), the rest replaced by neutral values that
 * keep every reader of the record working. A whitelist: a field added to a form later is dropped,
 * not kept by mistake. Pure; the record and its partition's items are read and written by the caller.
 */
type Data = Record<string, unknown>;

export interface AnonymisationLine {
  at: string;
  actor: { id: string; name: string };
  reason: string;
}

export const neutral = {
  person: { firstName: 'Personne', lastName: 'anonymisée' },
  name: 'Personne anonymisée',
  company: 'Entreprise anonymisée',
  project: 'Projet anonymisé',
  subject: 'Message anonymisé',
} as const;

/** INSEE's size classes, as funders count them; the headcount itself goes. */
export const sizeClasses = [
  { from: 0, label: '0 salarié' },
  { from: 1, label: '1 à 9 salariés' },
  { from: 10, label: '10 à 49 salariés' },
  { from: 50, label: '50 à 249 salariés' },
] as const;

const sizeClassOf = (employees: number) =>
  [...sizeClasses].reverse().find((size) => employees >= size.from) ?? sizeClasses[0];

/** The size class of a company, whether its record still holds the headcount or only the class. */
export const sizeClassLabel = (company: { employees?: unknown; sizeClass?: unknown }): string =>
  typeof company.sizeClass === 'string'
    ? company.sizeClass
    : typeof company.employees === 'number'
      ? sizeClassOf(company.employees).label
      : '';

const defined = (entries: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));

const place = (company: Data) => ({
  postcode: '',
  city: '',
  communeCode: '',
  communeName: '',
  departement: company.departement,
});

const anonymousContact = { ...neutral.person, email: '' };

const anonymisedCompany = (company: Data) => {
  const size = sizeClassOf(typeof company.employees === 'number' ? company.employees : 0);
  return defined({
    name: neutral.company,
    siret: '',
    ...place(company),
    nafCode: company.nafCode,
    // Rounded down to its class, so whatever reads the headcount still finds the same class.
    employees: size.from,
    sizeClass: size.label,
  });
};

/** Per kind of record, its `data` once anonymised. */
export const anonymisedData: Readonly<Record<string, (data: Data) => Data>> = {
  application: (data) => {
    const project = (data.project ?? {}) as Data;
    return {
      company: anonymisedCompany((data.company ?? {}) as Data),
      contact: anonymousContact,
      project: defined({
        title: neutral.project,
        description: '',
        competences: project.competences,
        jobsToCreate: project.jobsToCreate,
        jobsToMaintain: project.jobsToMaintain,
        desiredStart: project.desiredStart,
      }),
      consentedAt: data.consentedAt,
    };
  },
  'partner-offer': (data) => {
    const company = (data.company ?? {}) as Data;
    const offer = (data.offer ?? {}) as Data;
    return {
      company: defined({ name: neutral.company, siret: '', ...place(company) }),
      contact: anonymousContact,
      offer: defined({ categories: offer.categories, volunteers: offer.volunteers, skills: '' }),
      consentedAt: data.consentedAt,
    };
  },
  'contact-message': (data) =>
    defined({
      name: neutral.name,
      email: '',
      subject: neutral.subject,
      message: '',
      network: data.network,
      departement: data.departement,
      consentedAt: data.consentedAt,
    }),
};

/** The history keeps each move, its date and its author (staff), not the reasons typed. */
export const anonymisedHistory = (history: readonly Data[]): Data[] =>
  history.map(({ reason: _reason, ...line }) => line);

/**
 * How each kind of item living in a record's partition is anonymised: the attributes to set and to
 * remove. Missions and interventions (in the application's partition) add their entry here; an item
 * of a kind without an entry stops the anonymisation before its first write.
 */
export const anonymisedChild: Readonly<
  Record<string, (item: Data) => { set: Data; remove: readonly string[] } | undefined>
> = {
  // Already anonymised: nothing to write again.
  'staff-note': (item) =>
    item.anonymised === true ? undefined : { set: { text: '', anonymised: true }, remove: [] },
  mission: (item) => (item.anonymised === true ? undefined : { set: anonymisedMission(item), remove: [] }),
};

type Line = Record<string, unknown>;
const lines = (value: unknown): Line[] => (Array.isArray(value) ? (value as Line[]) : []);
const withoutText = (line: Line, fields: readonly string[]): Line =>
  Object.fromEntries(Object.entries(line).filter(([name]) => !fields.includes(name)));

/**
 * A mission keeps its dates, half-days, statuses, who ran it (the volunteer is a person of their own,
 * whose record stays) and its figures (jobs, satisfaction); every text typed about the SME goes:
 * the listed free-text fields (shared/missions.ts `missionFreeTextFields`).
 */
const anonymisedMission = (item: Data): Data => {
  const outcomes = (item.outcomes ?? {}) as Record<string, Line | Line[] | undefined>;
  return {
    interventions: lines(item.interventions).map((intervention) => ({
      ...withoutText(intervention, ['note', 'place']),
      history: lines(intervention.history).map((line) => withoutText(line, ['note'])),
    })),
    history: lines(item.history).map((line) => withoutText(line, ['note'])),
    outcomes: {
      ...outcomes,
      ...(outcomes.sme ? { sme: withoutText(outcomes.sme as Line, ['comment']) } : {}),
      ...(outcomes.volunteer ? { volunteer: withoutText(outcomes.volunteer as Line, ['comment']) } : {}),
    },
    anonymised: true,
  };
};

export class UnknownChildError extends Error {
  readonly entity: string;
  constructor(entity: string) {
    super(`No anonymisation rule for items of kind ${entity}`);
    this.entity = entity;
  }
}

/** Every child's writes, computed before any is made: an unknown kind refuses the whole record. */
export const childRewrites = <T extends Data>(children: readonly T[]) =>
  children.map((child) => {
    const rule = anonymisedChild[String(child.entity)];
    if (!rule) throw new UnknownChildError(String(child.entity));
    return { child, rewrite: rule(child) };
  });
