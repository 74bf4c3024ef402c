import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { parseSettings, type Settings } from './config.ts';
import { AppStack } from './stacks/app-stack.ts';
import { DataStack } from './stacks/data-stack.ts';

export const defaultSiteAssetsDir = fileURLToPath(new URL('../site/dist', import.meta.url));

export interface BuildAppOptions {
  /** Default: a new App, which reads cdk.json's context when run by the CDK CLI. */
  readonly app?: App;
  /** Default: the `alize` context key, parsed. */
  readonly settings?: Settings;
  /** The built site to upload. Default: site/dist. */
  readonly siteAssetsDir?: string;
  /** Run cdk-nag at synth time. Default: true; the template tests turn it off, nag.test.ts runs it itself. */
  readonly registerNag?: boolean;
}

export interface BuiltApp {
  readonly app: App;
  readonly settings: Settings;
  readonly dataStack: DataStack;
  readonly appStack: AppStack;
}

const assertSiteBuilt = (dir: string) => {
  if (existsSync(join(dir, 'index.html'))) return;
  const hint =
    dir === defaultSiteAssetsDir
      ? 'Run `npm run build:site` first (`npm run synth` and `npm run deploy` do it for you).'
      : 'Pass a directory holding the built site.';
  throw new Error(`The site is not built: ${join(dir, 'index.html')} is missing. ${hint}`);
};

/**
 * The whole deployment: a stateful stack (tables, mail configuration) and a stateless one (functions,
 * API, site, schedules, alarms), checked by cdk-nag. Tests call it with their own settings and site.
 */
export const buildApp = (options: BuildAppOptions = {}): BuiltApp => {
  const app = options.app ?? new App();
  const settings = options.settings ?? parseSettings(app.node.tryGetContext('alize'));
  const siteAssetsDir = options.siteAssetsDir ?? defaultSiteAssetsDir;
  assertSiteBuilt(siteAssetsDir);

  // Region only: the account is the one of the credentials at deploy time.
  const env = { region: settings.region };
  // Stage in the construct ids too: names CDK derives from construct paths (CloudFront function,
  // response headers policy) must differ between two stages deployed in one account.
  const dataStack = new DataStack(app, `alize-${settings.stage}-data`, {
    description: 'Alizé: tables, mail configuration and the staff user pool (stateful, retained)',
    env,
    settings,
  });
  const appStack = new AppStack(app, `alize-${settings.stage}-app`, {
    description: 'Alizé: functions, API, site, schedules and alarms (stateless)',
    env,
    settings,
    data: dataStack,
    siteAssetsDir,
  });
  Tags.of(app).add('project', 'alize');
  Tags.of(app).add('stage', settings.stage);

  // cdk-nag 3 runs as a CDK validation plugin at synth time; test/infra/nag.test.ts is the gate.
  if (options.registerNag ?? true) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  }
  return { app, settings, dataStack, appStack };
};
