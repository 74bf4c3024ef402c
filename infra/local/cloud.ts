import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { DocumentClient } from '../../functions/db/client.ts';
import { createDocumentClient } from '../../functions/db/client.ts';
import { committeeRepository } from '../../functions/db/committee-repository.ts';
import { competenceRepository } from '../../functions/db/competence-repository.ts';
import { counterRepository } from '../../functions/db/counter-repository.ts';
import { type ApplicationData, applicationKeys } from '../../functions/db/entities/application.ts';
import { putIfAbsent } from '../../functions/db/put-if-absent.ts';
import { submissionRepository } from '../../functions/db/submission-repository.ts';
import { formatReference, sequenceOf } from '../../functions/domain/public-forms/reference.ts';
import { functionEnvironment } from '../../functions/runtime/config.ts';
import { parisYear } from '../../shared/dates.ts';
import { demoCatalogue } from '../../shared/demo-catalogue.ts';
import { type TableDefinition, tables } from '../../shared/tables.ts';
import { readSettingsFile, type Settings } from '../config.ts';
import { demoApplicationCount, demoApplications, demoCommittees, demoNetworks } from './demo-applications.ts';
import { closeServer, ensureTables, localDynamoDbClient, startDynamoDb, startSes } from './emulators.ts';
import { startFront } from './front.ts';
import { type LocalScheduler, startScheduler } from './scheduler.ts';

/**
 * The whole system on one machine: dynalite, the SES emulator, the front that serves the site and
 * runs the real handlers, and the scheduler — for `npm start` and for the integration tests.
 */
export interface LocalCloudOptions {
  /** 0 picks a free port (tests); `npm start` passes the documented defaults. */
  ports: { front: number; dynamodb: number; ses: number };
  /** Folder for dynalite's files; in memory when absent. */
  dataDir?: string;
  siteDir?: string;
  settings?: Settings;
  /** Fire schedules on their own; tests leave this off and call `scheduler.runNow`. */
  runSchedules?: boolean;
  log?: (line: string) => void;
}

export interface LocalCloud {
  urls: { site: string; api: string; dynamodb: string; mailViewer: string };
  scheduler: LocalScheduler;
  stop(): Promise<void>;
}

const localTableName = (definition: TableDefinition) => `alize-local-${definition.id.toLowerCase()}`;
const repoRoot = new URL('../../', import.meta.url).pathname;

/**
 * The functions run in this process and read their settings from the environment, as in Lambda;
 * the SDK finds the emulators through the standard per-service endpoint variables.
 */
const exportEnvironment = (
  settings: Settings,
  endpoints: { dynamodb: string; ses: string },
  siteUrl: string,
  edgeSecret: string,
) => {
  Object.assign(process.env, {
    AWS_REGION: settings.region,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SESV2: endpoints.ses,
    POWERTOOLS_SERVICE_NAME: 'alize',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    ...functionEnvironment({
      dataTableName: localTableName(tables.data),
      networks: settings.networks,
      national: settings.national,
      senderDomain: settings.mail.senderDomain,
      siteUrl,
      formRateLimitPerHour: settings.forms.rateLimitPerHour,
      edgeSecret,
    }),
  });
};

/**
 * Applications at every stage and two committees per demo network, on first start only (a marker
 * item says it was done); references come from the real sequences, so later submissions follow on.
 */
const seedDemoApplications = async (client: DocumentClient, settings: Settings) => {
  const tableName = localTableName(tables.data);
  const marker = { pk: 'DEMO#applications', sk: 'SEEDED', entity: 'demo-marker' };
  if (!(await putIfAbsent(client, tableName, marker))) return 0;
  const now = new Date();
  const counters = counterRepository(client, tableName);
  const applications = submissionRepository<ApplicationData>(client, tableName, applicationKeys);
  const committees = committeeRepository(client, tableName);
  let added = 0;
  for (const network of demoNetworks.filter((demo) => settings.networks.some((n) => n.id === demo.id))) {
    const { upcoming, past } = demoCommittees(network, now);
    await committees.create(upcoming);
    await committees.create(past);
    const year = parisYear(now);
    const references: string[] = [];
    for (let index = 0; index < demoApplicationCount; index++) {
      const sequence = await counters.next(sequenceOf.application, network.departement, year);
      references.push(formatReference('application', network.departement, year, sequence));
    }
    for (const application of demoApplications(network, references, now)) {
      await applications.create(application);
      const decision = application.history.at(-1);
      if (application.committee?.id === past.id && decision && decision.to !== 'scheduled') {
        await committees.recordDecision(past.id, {
          reference: application.reference,
          decision: decision.to as 'approved',
          ...(decision.reason ? { reason: decision.reason } : {}),
          at: decision.at,
          actor: decision.actor,
        });
      }
      added++;
    }
  }
  return added;
};

/** Demo data on first start only: what someone changed locally is never overwritten. */
const seedDemoData = async (endpoint: string, settings: Settings) => {
  const client = createDocumentClient(localDynamoDbClient(endpoint));
  try {
    const competences = competenceRepository(client, localTableName(tables.data));
    const known = new Set(settings.networks.map((n) => n.id));
    let added = 0;
    for (const competence of demoCatalogue.filter((c) => known.has(c.network))) {
      if (await competences.addIfAbsent(competence)) added++;
    }
    return { competences: added, applications: await seedDemoApplications(client, settings) };
  } finally {
    client.destroy();
  }
};

export const startLocalCloud = async (options: LocalCloudOptions): Promise<LocalCloud> => {
  const log = options.log ?? (() => {});
  const settings = options.settings ?? readSettingsFile();
  const servers: Server[] = [];
  let scheduler: LocalScheduler | undefined;
  const stop = async () => {
    scheduler?.stop();
    // The front first, so no request reaches a closed database.
    for (const server of servers.reverse()) await closeServer(server);
  };
  try {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const dynamodb = await startDynamoDb(
      options.ports.dynamodb,
      options.dataDir && join(options.dataDir, 'dynamodb'),
    );
    servers.push(dynamodb.server);
    const ses = await startSes(options.ports.ses);
    servers.push(ses.server);

    await ensureTables(dynamodb.endpoint, localTableName);
    const seeded = await seedDemoData(dynamodb.endpoint, settings);
    if (seeded.competences > 0) log(`${seeded.competences} compétences de démonstration ajoutées`);
    if (seeded.applications > 0) log(`${seeded.applications} candidatures de démonstration ajoutées`);

    // Like CloudFront's per-deployment secret: new at each start, known only to the front and the functions.
    const edgeSecret = randomUUID();
    const front = await startFront({
      port: options.ports.front,
      edgeSecret,
      siteDir: options.siteDir ?? join(repoRoot, 'site/dist'),
      log,
    });
    servers.push(front);
    const site = `http://localhost:${(front.address() as AddressInfo).port}`;
    exportEnvironment(settings, { dynamodb: dynamodb.endpoint, ses: ses.endpoint }, site, edgeSecret);

    scheduler = startScheduler(log, { autoFire: options.runSchedules ?? true });
    return {
      urls: {
        site,
        api: `${site}/api`,
        dynamodb: dynamodb.endpoint,
        mailViewer: ses.endpoint.replace('127.0.0.1', 'localhost'),
      },
      scheduler,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
