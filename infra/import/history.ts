import { readFile } from 'node:fs/promises';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../../functions/db/client.ts';
import { importHistory, reportText } from '../../functions/use-cases/history-import/import-history.ts';
import { historyImportDependencies } from '../../functions/wiring/history-import.ts';
import { tables } from '../../shared/tables.ts';
import { readSettingsFile } from '../config.ts';
import { localDynamoDbClient } from '../local/emulators.ts';
import { localTableName } from '../local/function-environment.ts';
import { dataTableOutput } from '../stacks/data-stack.ts';

/**
 * `npm run import -- <fichier.csv> [--dry-run] [--stage <stage> | --table <table>]`: a network's
 * history into the local cloud's table (dynalite at ALIZE_DYNAMODB_PORT, `npm start` running), or
 * with `--stage` into a deployed one, named by the data stack's output, with the standard AWS
 * credentials chain (profile, environment, SSO).
 */
export const usage = `Usage\u00a0: npm run import -- <fichier.csv> [--dry-run] [--stage <stage> | --table <table>] [--region <région>]
  sans --stage ni --table\u00a0: dans le nuage local de «\u00a0npm start\u00a0» (ALIZE_DYNAMODB_PORT, 8000 par défaut)
  --stage prod\u00a0: dans la table du déploiement «\u00a0prod\u00a0» (sortie ${dataTableOutput} de la pile alize-prod-data)
  --table <nom>\u00a0: dans cette table DynamoDB d’AWS
  --dry-run\u00a0: vérifie tout et dit ce qui serait écrit, sans rien écrire`;

export class UsageError extends Error {}

export type ImportTarget =
  | { kind: 'local' }
  | { kind: 'aws'; stage?: string; table?: string; region?: string };

export interface ImportArguments {
  file: string;
  dryRun: boolean;
  target: ImportTarget;
}

export const parseImportArguments = (argv: readonly string[]): ImportArguments => {
  let file: string | undefined;
  let dryRun = false;
  const options: Record<'stage' | 'table' | 'region', string | undefined> = {
    stage: undefined,
    table: undefined,
    region: undefined,
  };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--dry-run') dryRun = true;
    else if (argument === '--stage' || argument === '--table' || argument === '--region') {
      const value = argv[++index];
      if (!value || value.startsWith('--')) throw new UsageError(`${argument} attend une valeur.`);
      options[argument.slice(2) as keyof typeof options] = value;
    } else if (argument.startsWith('--')) throw new UsageError(`Option inconnue\u00a0: ${argument}`);
    else if (file) throw new UsageError(`Un seul fichier à la fois (reçu aussi\u00a0: ${argument}).`);
    else file = argument;
  }
  if (!file) throw new UsageError('Indiquez le fichier CSV à importer.');
  if (options.stage && !/^[a-z0-9-]{1,40}$/.test(options.stage)) {
    throw new UsageError(
      `--stage attend le nom d’un déploiement, comme «\u00a0prod\u00a0» (reçu\u00a0: ${options.stage}).`,
    );
  }
  if (options.stage && options.table) throw new UsageError('--stage ou --table, pas les deux.');
  if (options.region && !options.stage && !options.table) {
    throw new UsageError('--region ne sert qu’avec --stage ou --table.');
  }
  const target: ImportTarget =
    options.stage || options.table
      ? {
          kind: 'aws',
          ...(options.stage ? { stage: options.stage } : {}),
          ...(options.table ? { table: options.table } : {}),
          ...(options.region ? { region: options.region } : {}),
        }
      : { kind: 'local' };
  return { file, dryRun, target };
};

/** The stack the data table lives in, as infra/build-app.ts names it. */
export const dataStackName = (stage: string) => `alize-${stage}-data`;

const describe = (client: CloudFormationClient, stackName: string) =>
  client.send(new DescribeStacksCommand({ StackName: stackName }));

const tableOfStage = async (client: CloudFormationClient, stage: string): Promise<string> => {
  const stackName = dataStackName(stage);
  let answer: Awaited<ReturnType<typeof describe>>;
  try {
    answer = await describe(client, stackName);
  } catch (error) {
    throw new UsageError(
      `La pile ${stackName} est introuvable (${(error as Error).name})\u00a0: vérifiez le déploiement, la région et vos identifiants AWS.`,
    );
  }
  const value = answer.Stacks?.[0]?.Outputs?.find(
    (output) => output.OutputKey === dataTableOutput,
  )?.OutputValue;
  if (!value) {
    throw new UsageError(
      `La pile ${stackName} ne donne pas la sortie ${dataTableOutput}\u00a0: redéployez-la, ou nommez la table avec --table.`,
    );
  }
  return value;
};

const main = async () => {
  const settings = readSettingsFile();
  const args = parseImportArguments(process.argv.slice(2));
  let text: string;
  try {
    text = await readFile(args.file, 'utf8');
  } catch {
    throw new UsageError(`Le fichier ${args.file} est illisible ou n’existe pas.`);
  }
  let client: DynamoDBClient;
  let tableName: string;
  if (args.target.kind === 'local') {
    const port = process.env.ALIZE_DYNAMODB_PORT ?? '8000';
    const endpoint = `http://127.0.0.1:${port}`;
    try {
      await fetch(endpoint, { signal: AbortSignal.timeout(2000) });
    } catch {
      throw new UsageError(
        `Le nuage local ne répond pas sur ${endpoint}\u00a0: lancez d’abord «\u00a0npm start\u00a0» dans un autre terminal, ou visez un déploiement avec --stage.`,
      );
    }
    client = localDynamoDbClient(endpoint);
    tableName = localTableName(tables.data);
  } else {
    const region = args.target.region ?? process.env.AWS_REGION ?? settings.region;
    client = new DynamoDBClient({ region });
    tableName =
      args.target.table ??
      (await tableOfStage(new CloudFormationClient({ region }), args.target.stage ?? ''));
  }
  process.stderr.write(`Table\u00a0: ${tableName}${args.dryRun ? ' (essai, rien ne sera écrit)' : ''}\n`);
  const deps = historyImportDependencies(createDocumentClient(client), tableName, settings);
  const report = await importHistory(deps, text, {
    now: new Date(),
    dryRun: args.dryRun,
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${reportText(report)}\n`);
  if (report.errors.length > 0) process.exitCode = 1;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${usage}`);
    process.exit(2);
  }
}
