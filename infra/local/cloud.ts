import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { DocumentClient } from '../../functions/db/client.ts';
import { createDocumentClient } from '../../functions/db/client.ts';
import { committeeRepository } from '../../functions/db/committee-repository.ts';
import { counterRepository } from '../../functions/db/counter-repository.ts';
import { directoryRepository } from '../../functions/db/directory-repository.ts';
import { type ApplicationData, applicationKeys } from '../../functions/db/entities/application.ts';
import { missionRepository } from '../../functions/db/mission-repository.ts';
import { putIfAbsent } from '../../functions/db/put-if-absent.ts';
import { signingKeyRepository } from '../../functions/db/signing-key-repository.ts';
import { submissionRepository } from '../../functions/db/submission-repository.ts';
import { formatReference, sequenceOf } from '../../functions/domain/public-forms/reference.ts';
import { sesMailer } from '../../functions/email/mailer.ts';
import { personKeyPurpose, personKeys } from '../../functions/use-cases/privacy/person-keys.ts';
import { parisYear } from '../../shared/dates.ts';
import { demoCompetences, demoPartners } from '../../shared/demo-catalogue.ts';
import { senderAddress } from '../../shared/networks.ts';
import {
  backOfficePath,
  signInCallbackPath,
  signInCodeMail,
  signInCodePlaceholder,
} from '../../shared/staff.ts';
import { tables } from '../../shared/tables.ts';
import { readSettingsFile, type Settings } from '../config.ts';
import { demoApplicationCount, demoApplications, demoCommittees, demoNetworks } from './demo-applications.ts';
import { demoHistory } from './demo-history.ts';
import { demoVolunteers } from './demo-volunteers.ts';
import { closeServer, ensureTables, localDynamoDbClient, startDynamoDb, startSes } from './emulators.ts';
import { type LocalEventBus, localEventBus } from './event-bus.ts';
import { type ApiRequestRecord, startFront } from './front.ts';
import { exportFunctionEnvironment, localTableName } from './function-environment.ts';
import { type LocalIssuer, startLocalIssuer } from './issuer.ts';
import { loadOrCreateIssuerKeys } from './issuer-keys.ts';
import { jwtAuthorizer } from './jwt-authorizer.ts';
import { type LocalScheduler, startScheduler } from './scheduler.ts';
import { type StaffAccount, staffAccounts } from './staff-accounts.ts';

/**
 * The whole system on one machine: dynalite, the SES emulator, the local OpenID issuer (Cognito's
 * stand-in), the front that serves the site and runs the real handlers behind the same JWT checks as
 * API Gateway, and the scheduler — for `npm start` and for the integration tests.
 */
export interface LocalCloudOptions {
  /** 0 picks a free port (tests); `npm start` passes the documented defaults. */
  ports: { front: number; dynamodb: number; ses: number; issuer: number };
  /** Folder for dynalite's files and the issuer's key; in memory when absent. */
  dataDir?: string;
  siteDir?: string;
  settings?: Settings;
  /** The staff accounts the issuer knows; the seeded ones of infra/local/staff-accounts.ts by default. */
  accounts?: readonly StaffAccount[];
  /** Other origins serving the site (`npm run dev:site`), whose callback the issuer accepts too. */
  extraSiteOrigins?: readonly string[];
  /** Fire schedules on their own; tests leave this off and call `scheduler.runNow`. */
  runSchedules?: boolean;
  log?: (line: string) => void;
  /** Every API request the front answered (tests: was the function invoked?). */
  onApiRequest?: (record: ApiRequestRecord) => void;
}

export interface LocalCloud {
  urls: { site: string; api: string; dynamodb: string; mailViewer: string; issuer: string };
  issuer: LocalIssuer;
  scheduler: LocalScheduler;
  /** EventBridge's default bus: the rules of shared/events.ts (SES's bounces and complaints, recorded). */
  eventBus: LocalEventBus;
  stop(): Promise<void>;
}

const repoRoot = new URL('../../', import.meta.url).pathname;

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
  // The same secret and key as the functions', so the person export finds the demo applicants.
  const people = personKeys(() => signingKeyRepository(client, tableName).keyFor(personKeyPurpose));
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
      await applications.create({
        ...application,
        personKey: await people.of(application.data.contact.email),
      });
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

/**
 * Fourteen months of committees, decisions and missions per demo network (infra/local/demo-history.ts),
 * through the real repositories, once: a marker of its own, so a `.local/` seeded before gets it on its
 * next start. References come from the real sequences of each year.
 */
const seedDemoHistory = async (client: DocumentClient, settings: Settings) => {
  const tableName = localTableName(tables.data);
  const marker = { pk: 'DEMO#history', sk: 'SEEDED', entity: 'demo-marker' };
  if (!(await putIfAbsent(client, tableName, marker))) return 0;
  const now = new Date();
  const counters = counterRepository(client, tableName);
  const applications = submissionRepository<ApplicationData>(client, tableName, applicationKeys);
  const committees = committeeRepository(client, tableName);
  const missions = missionRepository(client, tableName);
  const people = personKeys(() => signingKeyRepository(client, tableName).keyFor(personKeyPurpose));
  let added = 0;
  for (const network of demoNetworks.filter((demo) => settings.networks.some((n) => n.id === demo.id))) {
    const story = await demoHistory(
      network,
      demoVolunteers.filter((volunteer) => volunteer.network === network.id),
      now,
      async (receivedAt) => {
        const year = parisYear(new Date(receivedAt));
        const sequence = await counters.next(sequenceOf.application, network.departement, year);
        return formatReference('application', network.departement, year, sequence);
      },
    );
    for (const committee of story.committees) {
      // A demo committee already that day (the usual seed's) keeps its own; the decisions join it.
      if (!(await committees.create(committee))) {
        for (const decision of committee.decisions) await committees.recordDecision(committee.id, decision);
      }
    }
    for (const application of story.applications) {
      await applications.create({
        ...application,
        personKey: await people.of(application.data.contact.email),
      });
      added++;
    }
    for (const mission of story.missions) await missions.create(mission);
  }
  return added;
};

/** Demo data on first start only: what someone changed locally is never overwritten. */
const seedDemoData = async (endpoint: string, settings: Settings) => {
  const client = createDocumentClient(localDynamoDbClient(endpoint));
  try {
    const tableName = localTableName(tables.data);
    const directory = directoryRepository(client, tableName);
    const people = personKeys(() => signingKeyRepository(client, tableName).keyFor(personKeyPurpose));
    const known = new Set(settings.networks.map((n) => n.id));
    for (const partner of demoPartners.filter((p) => known.has(p.network))) {
      await directory.partners.create(partner, { personKey: await people.of(partner.contact.email) });
    }
    // Each once: a volunteer someone edited or retired locally is left as it is.
    for (const volunteer of demoVolunteers.filter((v) => known.has(v.network))) {
      await directory.volunteers.create(volunteer, { personKey: await people.of(volunteer.email) });
    }
    let added = 0;
    for (const competence of demoCompetences.filter((c) => known.has(c.network))) {
      if (await directory.competences.create(competence)) {
        added++;
        continue;
      }
      // A competence seeded before partners had ids (an older `.local/`) is rewritten once with them.
      const stored = await directory.competences.get(competence.network, competence.id);
      if (stored && stored.version === 0) await directory.competences.save(competence);
    }
    return {
      competences: added,
      applications: await seedDemoApplications(client, settings),
      history: await seedDemoHistory(client, settings),
    };
  } finally {
    client.destroy();
  }
};

export const startLocalCloud = async (options: LocalCloudOptions): Promise<LocalCloud> => {
  const log = options.log ?? (() => {});
  const settings = options.settings ?? readSettingsFile();
  const servers: Server[] = [];
  let scheduler: LocalScheduler | undefined;
  let mailClient: SESv2Client | undefined;
  const stop = async () => {
    scheduler?.stop();
    // The front first, so no request reaches a closed database.
    for (const server of servers.reverse()) await closeServer(server);
    mailClient?.destroy();
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

    const { rebuilt } = await ensureTables(dynamodb.endpoint, localTableName);
    for (const table of rebuilt)
      log(`Table ${table} reconstruite avec ses nouveaux index, données conservées`);
    const seeded = await seedDemoData(dynamodb.endpoint, settings);
    if (seeded.competences > 0) log(`${seeded.competences} compétences de démonstration ajoutées`);
    if (seeded.applications > 0) log(`${seeded.applications} candidatures de démonstration ajoutées`);
    if (seeded.history > 0)
      log(`${seeded.history} candidatures des 14 derniers mois ajoutées, avec leurs missions`);

    const mailViewer = ses.endpoint.replace('127.0.0.1', 'localhost');
    // The sign-in code goes through the SES emulator, so it shows in the mail viewer like any mail.
    const sesClient = new SESv2Client({
      endpoint: ses.endpoint,
      region: settings.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    mailClient = sesClient;
    const codeMailer = sesMailer({ client: sesClient });
    const issuer = await startLocalIssuer({
      port: options.ports.issuer,
      keys: await loadOrCreateIssuerKeys(options.dataDir && join(options.dataDir, 'issuer')),
      accounts: options.accounts ?? staffAccounts,
      mailViewer,
      log,
      // As Cognito sends it in AWS: from the national coordination's address on the sender domain.
      sendCode: async (to, code) => {
        await codeMailer.send({
          from: { name: 'Alizé', address: senderAddress(settings.mail.senderDomain, undefined) },
          to: [to],
          subject: signInCodeMail.subject,
          html: signInCodeMail.html.replace(signInCodePlaceholder, code),
          text: signInCodeMail.text.replace(signInCodePlaceholder, code),
        });
      },
    });
    servers.push(issuer.server);

    // Like CloudFront's per-deployment secret: new at each start, known only to the front and the functions.
    const edgeSecret = randomUUID();
    const front = await startFront({
      port: options.ports.front,
      edgeSecret,
      siteDir: options.siteDir ?? join(repoRoot, 'site/dist'),
      // As the CDK stack's HttpJwtAuthorizer: this issuer, the back office's client as audience.
      staffAuthorizer: jwtAuthorizer({ issuer: issuer.url, audience: [issuer.clientId] }),
      backOffice: { config: issuer.backOfficeConfig, issuerOrigins: [new URL(issuer.url).origin] },
      log,
      onApiRequest: options.onApiRequest,
    });
    servers.push(front);
    const frontPort = (front.address() as AddressInfo).port;
    const site = `http://localhost:${frontPort}`;
    // The app client's callback and sign-out URLs, for the site as a browser may name it.
    issuer.registerSiteOrigins([site, `http://127.0.0.1:${frontPort}`, ...(options.extraSiteOrigins ?? [])], {
      callback: signInCallbackPath,
      logout: backOfficePath,
    });
    exportFunctionEnvironment(settings, { dynamodb: dynamodb.endpoint, ses: ses.endpoint }, site, edgeSecret);

    scheduler = startScheduler(log, { autoFire: options.runSchedules ?? true });
    return {
      urls: {
        site,
        api: `${site}/api`,
        dynamodb: dynamodb.endpoint,
        mailViewer,
        issuer: issuer.url,
      },
      issuer,
      scheduler,
      eventBus: localEventBus(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
