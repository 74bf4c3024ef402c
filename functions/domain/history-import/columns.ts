import { parse } from 'csv-parse/sync';

/**
 * The columns of a history import file (`npm run import`), as a French spreadsheet names them: one
 * file for everything a network kept, one row per application (with its committee decision), per
 * mission and per half-day, told apart by the `Type` column. Each row fills the columns of its type
 * and leaves the others empty. The README's table is this list, in this order.
 */
export const importColumns = {
  type: 'Type',
  network: 'Réseau',
  reference: 'Référence',
  receivedOn: 'Date de réception',
  company: 'Entreprise',
  siret: 'SIRET',
  nafCode: 'Code NAF',
  employees: 'Salariés',
  postcode: 'Code postal',
  city: 'Commune',
  contactFirstName: 'Prénom du contact',
  contactLastName: 'Nom du contact',
  contactEmail: 'Courriel du contact',
  contactPhone: 'Téléphone du contact',
  projectTitle: 'Projet',
  projectDescription: 'Description du projet',
  requestedCompetences: 'Compétences demandées',
  jobsToCreate: 'Emplois à créer',
  jobsToMaintain: 'Emplois à maintenir',
  qualifiedOn: 'Date de qualification',
  committeeOn: 'Date du comité',
  decision: 'Décision',
  exit: 'Sortie',
  exitOn: 'Date de sortie',
  reason: 'Motif',
  missionNumber: 'N° de mission',
  competence: 'Compétence',
  partner: 'Entreprise partenaire',
  volunteer: 'Salarié',
  plannedHalfDays: 'Demi-journées prévues',
  startOn: 'Date de début',
  endOn: 'Date de fin',
  agreementOn: 'Convention signée le',
  consentOn: 'Accord du salarié le',
  closedOn: 'Date de clôture',
  jobsCreated: 'Emplois créés',
  jobsMaintained: 'Emplois maintenus',
  smeSatisfaction: 'Satisfaction de l’entreprise',
  volunteerSatisfaction: 'Satisfaction du salarié',
  followUp12On: 'Suivi à 12 mois le',
  followUp12Created: 'Emplois créés à 12 mois',
  followUp12Maintained: 'Emplois maintenus à 12 mois',
  followUp24On: 'Suivi à 24 mois le',
  followUp24Created: 'Emplois créés à 24 mois',
  followUp24Maintained: 'Emplois maintenus à 24 mois',
  halfDayOn: 'Date de la demi-journée',
  slot: 'Créneau',
  remote: 'À distance',
  halfDayStatus: 'Statut de la demi-journée',
} as const;

export type ImportColumn = keyof typeof importColumns;

/** One row of the file: its line in the spreadsheet (the header is line 1) and its cells by column. */
export interface ImportRow {
  line: number;
  cells: Partial<Record<ImportColumn, string>>;
}

/** A problem of the file, placed as a spreadsheet shows it. */
export interface ImportError {
  line: number;
  column?: ImportColumn;
  message: string;
}

const lowerFirst = (message: string) =>
  /^[A-ZÀ-Ý][a-zà-ÿ’' ]/.test(message) ? message.charAt(0).toLowerCase() + message.slice(1) : message;

/** « ligne 12, colonne « Date du comité » : la date 31/02/2019 n’existe pas. » */
export const describeError = ({ line, column, message }: ImportError): string => {
  const where = column ? `ligne ${line}, colonne «\u00a0${importColumns[column]}\u00a0»` : `ligne ${line}`;
  const text = lowerFirst(message.trim());
  return `${where}\u00a0: ${/[.!?]$/.test(text) ? text : `${text}.`}`;
};

/** Headers compared as people type them: case, accents, spaces and apostrophes aside. */
export const looseText = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();

const columnByHeader = new Map(
  Object.entries(importColumns).map(([key, header]) => [looseText(header), key as ImportColumn]),
);

/**
 * The rows of a file, in UTF-8 with or without a BOM, `;` between cells as French spreadsheets
 * write them (`,` is the decimal separator there). The header names the columns, in any order; an
 * unknown header is an error rather than a column silently left out.
 */
export const readImportFile = (text: string): { rows: ImportRow[]; errors: ImportError[] } => {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: ';',
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      errors: [
        {
          line,
          message:
            'le fichier n’est pas un CSV lisible (un guillemet est-il resté ouvert\u00a0?)\u00a0: enregistrez-le depuis le tableur au format «\u00a0CSV UTF-8\u00a0», séparateur point-virgule',
        },
      ],
    };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], errors: [{ line: 1, message: 'le fichier est vide' }] };
  const errors: ImportError[] = [];
  const columns = header.record.map((cell, index) => {
    const name = cell.trim();
    if (name === '') return undefined;
    const column = columnByHeader.get(looseText(name));
    if (!column) {
      errors.push({
        line: 1,
        message: `la colonne «\u00a0${name}\u00a0» (la ${index + 1}e) n’est pas une colonne de l’import\u00a0: voyez la liste dans le README`,
      });
    }
    return column;
  });
  for (const required of ['type', 'reference'] as const) {
    if (!columns.includes(required)) {
      errors.push({ line: 1, message: `la colonne «\u00a0${importColumns[required]}\u00a0» manque` });
    }
  }
  const rows: ImportRow[] = [];
  for (const { record, info } of body) {
    // csv-parse counts the line a record ends on: a cell holding line breaks started above it.
    const line = info.lines - (record.join('').split(/\r\n|\n|\r/).length - 1);
    const cells: ImportRow['cells'] = {};
    record.forEach((value, index) => {
      const column = columns[index];
      const trimmed = value.trim();
      if (column && trimmed !== '') cells[column] = trimmed.replace(/\r\n?/g, '\n').normalize('NFC');
    });
    if (Object.keys(cells).length > 0) rows.push({ line, cells });
  }
  return { rows, errors };
};
