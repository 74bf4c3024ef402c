import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../functions/db/client.ts';
import type { ApplicationData } from '../../functions/db/entities/application.ts';
import { applicationKeys } from '../../functions/db/entities/application.ts';
import type { ContactMessageData } from '../../functions/db/entities/contact-message.ts';
import { contactMessageKeys } from '../../functions/db/entities/contact-message.ts';
import { counterKeys } from '../../functions/db/entities/counter.ts';
import type { PartnerOfferData } from '../../functions/db/entities/partner-offer.ts';
import { partnerOfferKeys } from '../../functions/db/entities/partner-offer.ts';
import { outboxRepository } from '../../functions/db/outbox-repository.ts';
import { quarantineRepository } from '../../functions/db/quarantine-repository.ts';
import { submissionRepository } from '../../functions/db/submission-repository.ts';
import { config } from '../../functions/runtime/config.ts';
import type { LocalCloud } from '../../infra/local/cloud.ts';
import { localDynamoDbClient } from '../../infra/local/emulators.ts';
import type { ApplicationInput } from '../../shared/application.ts';
import type { ContactMessageInput } from '../../shared/contact-message.ts';
import { parisYear } from '../../shared/dates.ts';
import type { PartnerOfferInput } from '../../shared/partner-offer.ts';

/** Forms as a person would fill them in, and the ways a test posts them and checks what was kept. */

export const validApplication = (): ApplicationInput => ({
  company: {
    name: 'Menuiserie Martin',
    siret: '732 829 320 00074',
    nafCode: '16.23Z',
    employees: 12,
    postcode: '36000',
    city: 'Châteauroux',
    createdYear: 1998,
    website: 'https://menuiserie-martin.example.fr',
  },
  contact: {
    firstName: 'Claire',
    lastName: 'Martin',
    role: 'Gérante',
    email: 'claire.martin@menuiserie.example.fr',
    phone: '02 54 00 00 00',
  },
  project: {
    title: 'Obtenir la certification ISO 9001',
    description:
      'Nos clients de l’aéronautique nous demandent une certification : nous voulons structurer notre démarche qualité.',
    competences: ['indre-iso-9001', 'indre-lean'],
    jobsToCreate: 2,
    jobsToMaintain: 12,
    desiredStart: '2027-03',
  },
  consent: true,
});

export const validPartnerOffer = (): PartnerOfferInput => ({
  company: { name: 'Berry Aéro Composants', siret: '73282932000074', postcode: '36100', city: 'Issoudun' },
  contact: { firstName: 'Paul', lastName: 'Durand', role: 'DRH', email: 'paul.durand@berry-aero.example.fr' },
  offer: {
    categories: ['quality', 'production'],
    skills: 'Qualité aéronautique, lean manufacturing, préparation aux audits clients.',
    volunteers: 4,
  },
  consent: true,
});

export const validContactMessage = (): ContactMessageInput => ({
  name: 'Sophie Bernard',
  email: 'sophie.bernard@example.fr',
  subject: 'Une question sur Alizé',
  message: 'Bonjour, je voudrais savoir si mon entreprise peut être accompagnée.',
  consent: true,
});

/** A copy of `value` with the field at a dotted path replaced (or removed with `undefined`). */
export const withField = <T extends object>(value: T, path: string, replacement: unknown): T => {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1] as string;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy as T;
};

/** The flat fields a browser posts without JavaScript (`company.name`, repeated `project.competences`). */
export const urlEncoded = (value: object, prefix = '', into = new URLSearchParams()): URLSearchParams => {
  for (const [key, field] of Object.entries(value)) {
    const name = `${prefix}${key}`;
    if (Array.isArray(field)) for (const item of field) into.append(name, String(item));
    else if (field !== null && typeof field === 'object') urlEncoded(field, `${name}.`, into);
    else if (field === true) into.append(name, 'on');
    else if (field !== undefined) into.append(name, String(field));
  }
  return into;
};

export interface Posted {
  status: number;
  headers: Headers;
  text: string;
  json: () => Record<string, unknown>;
}

export const poster = (cloud: () => LocalCloud) => {
  const post = async (path: string, body: string, headers: Record<string, string>): Promise<Posted> => {
    const response = await fetch(`${cloud().urls.site}${path}`, { method: 'POST', headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
  };
  return {
    post,
    json: (path: string, value: unknown, headers: Record<string, string> = {}) =>
      post(path, JSON.stringify(value), {
        'content-type': 'application/json',
        accept: 'application/json',
        ...headers,
      }),
    form: (path: string, value: object | URLSearchParams, headers: Record<string, string> = {}) =>
      post(path, (value instanceof URLSearchParams ? value : urlEncoded(value)).toString(), {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
        ...headers,
      }),
  };
};

/** The table as the back office will read it: through the real repositories, by key and by index. */
export const storedData = (cloud: () => LocalCloud) => {
  let cached: ReturnType<typeof createDocumentClient> | undefined;
  const client = () => {
    cached ??= createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb));
    return cached;
  };
  const table = () => config().dataTableName;
  return {
    applications: () => submissionRepository<ApplicationData>(client(), table(), applicationKeys),
    partnerOffers: () => submissionRepository<PartnerOfferData>(client(), table(), partnerOfferKeys),
    contactMessages: () => submissionRepository<ContactMessageData>(client(), table(), contactMessageKeys),
    outbox: () => outboxRepository(client(), table()),
    quarantine: () => quarantineRepository(client(), table()),
    /** The last number a sequence handed out (0 before the first). */
    async counter(kind: string, scope: string, year = parisYear(new Date())) {
      const { Item } = await client().send(
        new GetCommand({ TableName: table(), Key: counterKeys.of(kind, scope, year) }),
      );
      return (Item?.value as number | undefined) ?? 0;
    },
    async get(key: { pk: string; sk: string }) {
      const { Item } = await client().send(
        new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }),
      );
      return Item;
    },
  };
};

export const year = () => parisYear(new Date());
