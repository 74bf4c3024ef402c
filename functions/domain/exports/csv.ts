import { stringify } from 'csv-stringify/sync';
import { parisTimeZone } from '../../../shared/dates.ts';

/**
 * The one CSV writer of every export (applications here; missions and interventions next): the file
 * French spreadsheets open as they are — UTF-8 with a byte-order mark (Excel reads the accents),
 * `;` between cells (`,` is the decimal separator in French), CRLF between rows, `"` around a cell
 * holding `;`, `"` or a line break, as RFC 4180 says.
 *
 * A cell starting with `=`, `+`, `-`, `@`, a tabulation or a carriage return would be run as a
 * formula when the file is opened (CSV injection, OWASP): such a text comes out behind a `'`, which
 * spreadsheets show as text. Numbers are written as numbers and dates as dd/mm/yyyy, which the
 * French locale reads as such.
 */
export type CsvCell = string | number | undefined;

export interface CsvColumn<Row> {
  header: string;
  cell(row: Row): CsvCell;
}

const formulaStart = /^[=+\-@\t\r]/;

/** A text a spreadsheet cannot take for a formula. */
export const inertText = (text: string): string => (formulaStart.test(text) ? `'${text}` : text);

export const toCsv = <Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string =>
  stringify(
    [
      columns.map((column) => inertText(column.header)),
      ...rows.map((row) =>
        columns.map((column) => {
          const value = column.cell(row);
          return typeof value === 'string' ? inertText(value) : value;
        }),
      ),
    ],
    // A lone `\n` inside a cell must be quoted too: csv-stringify quotes only its own row delimiter.
    { bom: true, delimiter: ';', record_delimiter: 'windows', eof: true, quoted_match: /[\r\n]/ },
  );

const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: parisTimeZone,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const clockFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: parisTimeZone,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `31/12/2026`, the Paris day of an instant: a date to a French spreadsheet. */
export const csvDate = (at: string | undefined): string => (at ? dayFormat.format(new Date(at)) : '');

/** `31/12/2026 20:13`, Paris time: a date and time to a French spreadsheet. */
export const csvDateTime = (at: string | undefined): string =>
  at ? `${dayFormat.format(new Date(at))} ${clockFormat.format(new Date(at))}` : '';

/** A day stored as `2027-03-15` (a committee's), as `15/03/2027`. */
export const csvDay = (day: string | undefined): string =>
  day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : '';

/** The file name a download is saved under: ASCII only, so every browser keeps it. */
export const csvDisposition = (name: string): string =>
  `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '-')}"`;
