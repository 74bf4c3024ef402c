import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { bundledNetworksExpression } from '../../functions/runtime/config.ts';
import { readSettingsFile } from '../../infra/config.ts';
import type { FunctionDefinition } from '../../infra/constructs/app-function.ts';
import { events } from '../../shared/events.ts';
import { fallbackRoute, routes } from '../../shared/routes.ts';
import { schedules } from '../../shared/schedules.ts';

/**
 * Each Lambda bundle beside the floor it cannot go under: an « SDK-only » handler that builds the
 * same AWS SDK clients and does nothing else, bundled with the same options. Both are built as the
 * CDK builds them (infra/constructs/app-function.ts → aws-cdk-lib's esbuild command line: node24,
 * ESM, minify, mainFields module/main, the createRequire banner, the networks `define`, source map
 * without sources, no externals since the SDK is bundled). The reference data (functions/reference-data)
 * is data, not code: esbuild's metafile gives its share of the bundle, shown apart and left out of
 * the byte ratio. Then each bundle's whole-process load (`node -e "await import(…)"`, as the Lambda
 * runtime imports an ES module), alternating with its SDK-only twin so both see the same machine load.
 * Timings are reported, never asserted; the byte budgets of the deployed bundles are in
 * test/infra/stacks.test.ts.
 */

export const bytesGoal = 1.05;
export const loadGoal = 1.1;

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const referenceDataFolder = 'functions/reference-data/';

/** What an SDK-only handler builds, per package found in a bundle; the order is the import order. */
const sdkClients = {
  'lib-dynamodb': {
    label: 'DynamoDB',
    imports: [
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    ],
    // As functions/db/client.ts builds it.
    build:
      'DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } })',
  },
  'client-dynamodb': {
    label: 'DynamoDB (client bas niveau)',
    imports: ["import { DynamoDBClient } from '@aws-sdk/client-dynamodb';"],
    build: 'new DynamoDBClient({})',
  },
  'client-sesv2': {
    label: 'SES',
    imports: ["import { SESv2Client } from '@aws-sdk/client-sesv2';"],
    build: 'new SESv2Client({})',
  },
} as const;
type SdkPackage = keyof typeof sdkClients;

/** The same options as the CDK's, for a handler file or for the SDK-only source. */
export const cdkBuildOptions = (networksJson: string, outfile: string): BuildOptions => ({
  bundle: true,
  absWorkingDir: repositoryRoot,
  target: 'node24',
  platform: 'node',
  format: 'esm',
  outfile,
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  define: { [bundledNetworksExpression]: JSON.stringify(networksJson) },
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  mainFields: ['module', 'main'],
  metafile: true,
  logLevel: 'error',
});

interface Bundle {
  file: string;
  bytes: number;
  referenceDataBytes: number;
  sdkPackages: Set<string>;
  /** Bytes in the output per npm package, or per project folder (`functions/http`). */
  byPackage: Map<string, number>;
}

const packageOf = (input: string) => {
  const inModules = input.lastIndexOf('node_modules/');
  if (inModules === -1) return input.split('/').slice(0, 2).join('/');
  const [scope, name] = input.slice(inModules + 'node_modules/'.length).split('/');
  return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? input);
};

const measureOutput = (file: string, metafile: Metafile): Bundle => {
  const output = metafile.outputs[relative(repositoryRoot, file)];
  if (!output) throw new Error(`esbuild's metafile does not list ${file}`);
  let referenceDataBytes = 0;
  const sdkPackages = new Set<string>();
  const byPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = packageOf(input);
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    if (input.startsWith(referenceDataFolder)) referenceDataBytes += bytesInOutput;
    // Only packages that left code in the bundle: an import tree-shaken away costs nothing.
    const sdk = /node_modules\/@aws-sdk\/((?:client|lib)-[a-z0-9-]+)\//.exec(input)?.[1];
    if (sdk && bytesInOutput > 0) sdkPackages.add(sdk);
  }
  return { file, bytes: statSync(file).size, referenceDataBytes, sdkPackages, byPackage };
};

/** The clients a definition declares (tables, mail), and any other the bundle turns out to carry. */
const clientsOf = (definition: FunctionDefinition, bundle: Bundle): SdkPackage[] => {
  const wanted = new Set<string>(bundle.sdkPackages);
  if ('data' in definition.tables) wanted.add('lib-dynamodb');
  if (definition.sendsMail) wanted.add('client-sesv2');
  // The document client brings the low-level one with it.
  if (wanted.has('lib-dynamodb')) wanted.delete('client-dynamodb');
  const unknown = [...wanted].filter((name) => !(name in sdkClients));
  if (unknown.length > 0)
    throw new Error(
      `${definition.handler} bundles @aws-sdk/${unknown.join(', @aws-sdk/')}: add it to sdkClients in test/bench/bundles.ts`,
    );
  return (Object.keys(sdkClients) as SdkPackage[]).filter((name) => wanted.has(name));
};

/** Lazily, as the wiring's `once(...)` builds them at the first invocation. */
const sdkOnlySource = (clients: readonly SdkPackage[]) => {
  const imports = [...new Set(clients.flatMap((name) => sdkClients[name].imports))];
  const builds = clients.map((name) => sdkClients[name].build);
  return [
    ...imports,
    'let clients;',
    `export const handler = async () => { clients ??= [${builds.join(', ')}]; return { statusCode: 204 }; };`,
  ].join('\n');
};

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** One cold process: start Node, import the bundle, exit. As Lambda runs it, with source maps on. */
const loadOnce = (file: string) => {
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      '--enable-source-maps',
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(pathToFileURL(file).href)});`,
    ],
    {
      env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-3', POWERTOOLS_SERVICE_NAME: 'alize' },
      encoding: 'utf8',
    },
  );
  const elapsed = performance.now() - started;
  if (child.status !== 0) throw new Error(`Loading ${file} failed: ${child.stderr}`);
  return elapsed;
};

/** Where the bytes above the floor come from: the packages that grew most, reference data aside. */
const largestAdditions = (real: Bundle, floor: Bundle, count = 3) =>
  [...real.byPackage]
    .filter(([name]) => `${name}/` !== referenceDataFolder)
    .map(([name, bytes]) => [name, bytes - (floor.byPackage.get(name) ?? 0)] as const)
    .filter(([, extra]) => extra >= 1024)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, extra]) => `${name} ${Math.round(extra / 1024)}`)
    .join(', ');

const kilobytes = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const twoDecimals = (value: number) => Math.round(value * 100) / 100;

/** One line per function; plain JSON values, French column names, ready for console.table. */
export interface BundleRow {
  fonction: string;
  sorte: 'route' | 'repli' | 'tâche' | 'événement';
  clients: string;
  /** Minified bundle, reference data left out, in Ko (1 Ko = 1 024 octets). */
  'code (Ko)': number;
  'données de référence (Ko)': number;
  'SDK seul (Ko)': number;
  /** Code (without the reference data) over the SDK-only bundle. */
  'rapport octets': number;
  /** Without any SDK client the floor is an empty handler: the ratio says little, no goal applies. */
  octets: Verdict;
  /** The three packages or project folders that add most above the floor, in Ko. */
  'principaux ajouts (Ko)': string;
  'chargement (ms)': number;
  'SDK seul (ms)': number;
  /** Whole bundle, reference data included: a process cannot load half a file. */
  'rapport chargement': number;
  chargement: Verdict;
}

type Verdict = 'ok' | 'DÉPASSE' | 'sans objet';
const verdict = (ratio: number, goal: number, applies: boolean): Verdict =>
  !applies ? 'sans objet' : ratio <= goal ? 'ok' : 'DÉPASSE';

export interface BundleOptions {
  /** Cold processes per bundle and per SDK-only twin. */
  loadRuns?: number;
  /** Only these handlers (file names under functions/handlers/); all by default. */
  only?: readonly string[];
}

export const measureBundles = async (options: BundleOptions = {}): Promise<BundleRow[]> => {
  const loadRuns = options.loadRuns ?? 15;
  const networksJson = JSON.stringify(readSettingsFile().networks);
  const definitions: [FunctionDefinition, BundleRow['sorte']][] = [
    ...routes.map((route) => [route, 'route'] as [FunctionDefinition, BundleRow['sorte']]),
    [fallbackRoute, 'repli'],
    ...schedules.map((schedule) => [schedule, 'tâche'] as [FunctionDefinition, BundleRow['sorte']]),
    ...events.map((rule) => [rule, 'événement'] as [FunctionDefinition, BundleRow['sorte']]),
  ];
  const selected = definitions.filter(
    ([definition], index) =>
      (!options.only || options.only.includes(definition.handler)) &&
      definitions.findIndex(([other]) => other.handler === definition.handler) === index,
  );

  const outDir = mkdtempSync(join(tmpdir(), 'alize-bundles-'));
  try {
    // One SDK-only bundle per set of clients: they do not depend on the handler.
    const sdkOnly = new Map<string, Bundle>();
    const sdkOnlyBundle = async (clients: readonly SdkPackage[]) => {
      const key = clients.join('+') || 'aucun';
      let bundle = sdkOnly.get(key);
      if (!bundle) {
        const file = join(outDir, `sdk-only-${key}`, 'index.mjs');
        const { metafile } = await build({
          ...cdkBuildOptions(networksJson, file),
          stdin: { contents: sdkOnlySource(clients), resolveDir: repositoryRoot, sourcefile: 'sdk-only.mjs' },
        });
        bundle = measureOutput(file, metafile as Metafile);
        sdkOnly.set(key, bundle);
      }
      return bundle;
    };

    const rows: BundleRow[] = [];
    for (const [definition, sorte] of selected) {
      const file = join(outDir, definition.handler, 'index.mjs');
      const { metafile } = await build({
        ...cdkBuildOptions(networksJson, file),
        entryPoints: [join(repositoryRoot, 'functions/handlers', `${definition.handler}.ts`)],
      });
      const real = measureOutput(file, metafile as Metafile);
      const clients = clientsOf(definition, real);
      const floor = await sdkOnlyBundle(clients);

      const realTimes: number[] = [];
      const floorTimes: number[] = [];
      // One load of each first, not kept: the disk cache then holds both files.
      loadOnce(real.file);
      loadOnce(floor.file);
      for (let run = 0; run < loadRuns; run++) {
        // Alternate which goes first, so neither always follows the other.
        if (run % 2 === 0) {
          realTimes.push(loadOnce(real.file));
          floorTimes.push(loadOnce(floor.file));
        } else {
          floorTimes.push(loadOnce(floor.file));
          realTimes.push(loadOnce(real.file));
        }
      }
      const codeBytes = real.bytes - real.referenceDataBytes;
      const bytesRatio = codeBytes / floor.bytes;
      const loadMs = median(realTimes);
      const floorMs = median(floorTimes);
      const loadRatio = loadMs / floorMs;
      rows.push({
        fonction: definition.handler,
        sorte,
        clients: clients.map((name) => sdkClients[name].label).join(' + ') || 'aucun',
        'code (Ko)': kilobytes(codeBytes),
        'données de référence (Ko)': kilobytes(real.referenceDataBytes),
        'SDK seul (Ko)': kilobytes(floor.bytes),
        'rapport octets': twoDecimals(bytesRatio),
        octets: verdict(bytesRatio, bytesGoal, clients.length > 0),
        'principaux ajouts (Ko)': largestAdditions(real, floor),
        'chargement (ms)': Math.round(loadMs),
        'SDK seul (ms)': Math.round(floorMs),
        'rapport chargement': twoDecimals(loadRatio),
        chargement: verdict(loadRatio, loadGoal, clients.length > 0),
      });
    }
    return rows;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
};

/** What bench/results.json keeps: the goals, the rows, and how many break each goal. */
export const bundleSummary = (rows: readonly BundleRow[]) => ({
  objectifs: { octets: bytesGoal, chargement: loadGoal },
  fonctions: rows.length,
  'hors objectif octets': rows.filter((row) => row.octets === 'DÉPASSE').length,
  'hors objectif chargement': rows.filter((row) => row.chargement === 'DÉPASSE').length,
  lignes: rows,
});

export const printBundles = (rows: readonly BundleRow[], loadRuns = 15) => {
  console.log(
    `\nPoids des fonctions Lambda, comparé à un gestionnaire « SDK seul » qui construit les mêmes clients (objectif\u00a0: ≤\u00a0×${bytesGoal} en octets, ≤\u00a0×${loadGoal} au chargement)\u00a0:`,
  );
  console.table(rows);
  console.log(
    'code\u00a0: bundle minifié (esbuild, options du CDK) sans les données de référence, comptées à part\u00a0; 1 Ko = 1 024 octets\u00a0; sans objet\u00a0: fonction sans client SDK, comparée à un gestionnaire vide.',
  );
  console.log(
    `chargement\u00a0: durée médiane (${loadRuns} processus, en alternance avec le SDK seul) de « node -e "await import(…)" », données de référence comprises.`,
  );
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex > 0 ? process.argv[onlyIndex + 1]?.split(',') : undefined;
  const runsIndex = process.argv.indexOf('--runs');
  const loadRuns = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 15;
  const rows = await measureBundles({ loadRuns, ...(only ? { only } : {}) });
  printBundles(rows, loadRuns);
  const summary = bundleSummary(rows);
  console.log(
    `\n${summary['hors objectif octets']} fonction(s) au-delà de ×${bytesGoal} en octets, ${summary['hors objectif chargement']} au-delà de ×${loadGoal} au chargement.`,
  );
}
