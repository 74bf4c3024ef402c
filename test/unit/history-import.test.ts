import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  describeError,
  importColumns,
  readImportFile,
} from '../../functions/domain/history-import/columns.ts';
import { dataStackName, parseImportArguments } from '../../infra/import/history.ts';

describe('the arguments of npm run import', () => {
  it('imports locally by default, into a deployment with --stage, or into a table named with --table', () => {
    expect(parseImportArguments(['historique.csv'])).toEqual({
      file: 'historique.csv',
      dryRun: false,
      target: { kind: 'local' },
    });
    expect(parseImportArguments(['--dry-run', 'historique.csv', '--stage', 'prod'])).toEqual({
      file: 'historique.csv',
      dryRun: true,
      target: { kind: 'aws', stage: 'prod' },
    });
    expect(
      parseImportArguments(['h.csv', '--table', 'alize-prod-data-DataABC', '--region', 'eu-west-3']),
    ).toEqual({
      file: 'h.csv',
      dryRun: false,
      target: { kind: 'aws', table: 'alize-prod-data-DataABC', region: 'eu-west-3' },
    });
    expect(dataStackName('prod')).toBe('alize-prod-data');
  });

  it('refuses in French what it cannot run', () => {
    expect(() => parseImportArguments([])).toThrow('Indiquez le fichier CSV à importer.');
    expect(() => parseImportArguments(['a.csv', 'b.csv'])).toThrow('Un seul fichier à la fois');
    expect(() => parseImportArguments(['a.csv', '--stage'])).toThrow('--stage attend une valeur.');
    expect(() => parseImportArguments(['a.csv', '--stage', 'Prod!'])).toThrow(
      '--stage attend le nom d’un déploiement',
    );
    expect(() => parseImportArguments(['a.csv', '--stage', 'prod', '--table', 't'])).toThrow(
      '--stage ou --table, pas les deux.',
    );
    expect(() => parseImportArguments(['a.csv', '--region', 'eu-west-3'])).toThrow(
      '--region ne sert qu’avec --stage ou --table.',
    );
    expect(() => parseImportArguments(['a.csv', '--force'])).toThrow('Option inconnue\u00a0: --force');
  });
});

describe('an import file', () => {
  it('is read with or without a BOM, `;` between cells, headers typed loosely, lines as the spreadsheet numbers them', () => {
    const text =
      '\ufeffTYPE ; reference;Date de reception\r\ncandidature;ALZ-36-2019-0001;"14/01/2019"\r\n\r\nmission;"ALZ-36-\n2019";\r\n';
    const { rows, errors } = readImportFile(text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, cells: { type: 'candidature', reference: 'ALZ-36-2019-0001', receivedOn: '14/01/2019' } },
      { line: 4, cells: { type: 'mission', reference: 'ALZ-36-\n2019' } },
    ]);
  });

  it('names an unknown column and a missing one', () => {
    const { errors } = readImportFile('Type;Couleur\ncandidature;bleu\n');
    expect(errors.map(describeError)).toEqual([
      'ligne 1\u00a0: la colonne «\u00a0Couleur\u00a0» (la 2e) n’est pas une colonne de l’import\u00a0: voyez la liste dans le README.',
      'ligne 1\u00a0: la colonne «\u00a0Référence\u00a0» manque.',
    ]);
  });
});

describe('the README', () => {
  it('lists every column of the import, in the order of functions/domain/history-import/columns.ts', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const listed = [
      ...readme.matchAll(
        /^\| `([^`]+)` \| (?:all|candidature|mission|demi-journée|mission, demi-journée) \|/gm,
      ),
    ].map((match) => match[1]);
    expect(listed).toEqual(Object.values(importColumns));
  });
});
