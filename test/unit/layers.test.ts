import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The functions' layers, lowest first: a folder may import its own files and those of a lower rank,
 * never a higher one nor a sibling of its rank (the DynamoDB module and the SES module know nothing of
 * each other). `shared/` sits under them all and imports none of them.
 */
const ranks: Record<string, number> = {
  domain: 1,
  'reference-data': 1,
  runtime: 2,
  db: 3,
  email: 3,
  'use-cases': 4,
  http: 5,
  wiring: 6,
  handlers: 7,
};

const root = resolve(import.meta.dirname, '../..');
const sources = (folder: string): string[] =>
  readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(folder, file));

/**
 * Every module a file names: static, type-only, re-exported and dynamic. Read from the Biome-formatted
 * source (TypeScript 7 offers no stable parser API to ask).
 */
const specifier =
  /(?:^|[\s;])(?:import|export)\b[^;'"]*?from\s*'([^']+)'|\bimport\s*\(\s*'([^']+)'|^import\s+'([^']+)'/gm;
const importsOf = (file: string) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(specifier)]
    .map((match) => match[1] ?? match[2] ?? match[3] ?? '')
    .map((name) => (name.startsWith('.') ? relative(root, resolve(root, dirname(file), name)) : name));

const layerOf = (path: string) => (path.startsWith('functions/') ? path.split('/')[1] : undefined);

const functionFiles = sources('functions');

describe('the functions’ layers', () => {
  it('knows every folder of functions/', () => {
    const folders = new Set(functionFiles.map((file) => layerOf(file)));
    expect([...folders].filter((folder) => folder === undefined || !(folder in ranks))).toEqual([]);
  });

  it('has no lower layer importing a higher one, nor a sibling of its rank', () => {
    const wrong = functionFiles.flatMap((file) => {
      const from = layerOf(file) ?? '';
      return importsOf(file)
        .filter((target) => {
          const to = layerOf(target);
          if (to === undefined || to === from) return false;
          return (ranks[to] ?? 99) >= (ranks[from] ?? 0);
        })
        .map((target) => `${file} → ${target}`);
    });
    expect(wrong).toEqual([]);
    // And the reading finds imports at all: the handlers reach the wiring and the use cases.
    expect(
      importsOf('functions/handlers/submit-application.ts').some((t) => t.startsWith('functions/wiring/')),
    ).toBe(true);
  });

  it('keeps the domain pure: no SDK, no Lambda, no file system, no environment, no clock of its own', () => {
    const impure =
      /^(@aws-sdk|@aws-lambda-powertools|@middy|aws-lambda$|node:(fs|process|child_process|net|http))/;
    const files = sources('functions/domain');
    const wrong = files.flatMap((file) => [
      ...importsOf(file)
        .filter((target) => impure.test(target))
        .map((target) => `${file} → ${target}`),
      ...(/process\.env|Date\.now\(\)|new Date\(\)/.test(readFileSync(join(root, file), 'utf8'))
        ? [`${file} reads the environment or the clock`]
        : []),
    ]);
    expect(files.length).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });

  it('leaves the environment to functions/runtime, and the clock to what calls the use cases', () => {
    const wrong = functionFiles
      .filter((file) => layerOf(file) !== 'runtime')
      .filter((file) => /process\.env/.test(readFileSync(join(root, file), 'utf8')));
    const clocked = sources('functions/use-cases').filter((file) =>
      /Date\.now\(\)|new Date\(\)/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(wrong).toEqual([]);
    expect(clocked).toEqual([]);
  });

  it('lets shared/, read by the browser and the functions, import neither', () => {
    const wrong = sources('shared').flatMap((file) =>
      importsOf(file)
        .filter((target) => /^(functions|infra|site|test)\//.test(target) || target.startsWith('@aws-sdk'))
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });
});
