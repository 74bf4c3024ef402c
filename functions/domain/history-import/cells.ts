import type * as z from 'zod/mini';
import { email, optionalPhone, siret } from '../../../shared/form-fields.ts';
import { type ImportColumn, type ImportError, type ImportRow, looseText } from './columns.ts';

const isControl = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code < 0x20 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
};

/**
 * Reading the cells of one row: each reader answers the value, or undefined after noting the
 * problem (line, column, French message); an empty optional cell answers undefined quietly.
 */
export class CellReader {
  readonly row: ImportRow;
  private readonly errors: ImportError[];
  private readonly today: string;
  private readonly kind: string;

  constructor(row: ImportRow, errors: ImportError[], today: string, kind: string) {
    this.row = row;
    this.errors = errors;
    this.today = today;
    this.kind = kind;
  }

  fail(column: ImportColumn | undefined, message: string): undefined {
    this.errors.push({ line: this.row.line, ...(column ? { column } : {}), message });
    return undefined;
  }

  has(column: ImportColumn) {
    return this.row.cells[column] !== undefined;
  }

  raw(column: ImportColumn, required = false): string | undefined {
    const value = this.row.cells[column];
    if (value === undefined && required) {
      return this.fail(column, `cette colonne est obligatoire sur une ligne «\u00a0${this.kind}\u00a0»`);
    }
    return value;
  }

  text(column: ImportColumn, max: number, required = false): string | undefined {
    const value = this.raw(column, required);
    if (value === undefined) return undefined;
    if ([...value].length > max) return this.fail(column, `le texte dépasse ${max}\u00a0caractères`);
    // Line breaks stay in descriptions; no other control character enters the table.
    if ([...value].some(isControl)) {
      return this.fail(
        column,
        'le texte contient un caractère de contrôle invisible\u00a0: retapez la cellule',
      );
    }
    return value;
  }

  /** A day as French spreadsheets write it, 31/12/2019 (or 1/2/2019), answered as `2019-12-31`. */
  day(column: ImportColumn, { required = false, past = true } = {}): string | undefined {
    const value = this.raw(column, required);
    if (value === undefined) return undefined;
    const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    if (!match) {
      return this.fail(column, `la date «\u00a0${value}\u00a0» s’écrit jj/mm/aaaa, par exemple 15/03/2019`);
    }
    const [, d = '', m = '', y = ''] = match;
    const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const parsed = new Date(`${iso}T12:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(iso)) {
      return this.fail(column, `la date ${value} n’existe pas`);
    }
    if (iso < '2000-01-01') return this.fail(column, `la date ${value} est antérieure à l’an 2000`);
    if (past && iso > this.today) {
      return this.fail(column, `la date ${value} est à venir\u00a0: seul ce qui a déjà eu lieu s’importe`);
    }
    return iso;
  }

  integer(column: ImportColumn, min: number, max: number, required = false): number | undefined {
    const value = this.raw(column, required);
    if (value === undefined) return undefined;
    const compact = value.replace(/[\s\u00a0\u202f]/g, '');
    if (!/^\d+$/.test(compact)) {
      return this.fail(column, `«\u00a0${value}\u00a0» n’est pas un nombre entier (écrivez-le en chiffres)`);
    }
    const number = Number(compact);
    if (number < min || number > max) {
      return this.fail(column, `${number} n’est pas entre ${min} et ${max.toLocaleString('fr-FR')}`);
    }
    return number;
  }

  /** One of a few words (case and accents aside); the message lists them. */
  choice<T>(column: ImportColumn, words: readonly (readonly [string, T])[], required = false): T | undefined {
    const value = this.raw(column, required);
    if (value === undefined) return undefined;
    const found = words.find(([word]) => looseText(word) === looseText(value));
    if (found) return found[1];
    const allowed = words.map(([word]) => `«\u00a0${word}\u00a0»`).join(', ');
    return this.fail(column, `«\u00a0${value}\u00a0» n’est pas une valeur possible\u00a0: ${allowed}`);
  }

  /** A cell checked by one of the forms' schemas, so the same rules and messages apply. */
  schema<T>(column: ImportColumn, schema: z.ZodMiniType<T>): T | undefined {
    const value = this.raw(column);
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    return this.fail(
      column,
      parsed.error.issues[0]?.message ?? `la valeur «\u00a0${value}\u00a0» est refusée`,
    );
  }

  siret() {
    return this.schema('siret', siret);
  }
  email() {
    return this.schema('contactEmail', email);
  }
  phone() {
    return this.schema('contactPhone', optionalPhone);
  }
}
