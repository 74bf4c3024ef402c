import { createDocumentClient } from '../../functions/db/client.ts';
import { mailRecipientRepository } from '../../functions/db/mail-recipient-repository.ts';
import { outboxRepository } from '../../functions/db/outbox-repository.ts';
import { config } from '../../functions/runtime/config.ts';
import type { LocalCloud } from '../../infra/local/cloud.ts';
import { localDynamoDbClient } from '../../infra/local/emulators.ts';
import type { MailingList } from '../../shared/mailing-lists.ts';
import type { StoredMail } from './local-cloud.ts';

let run = 0;

/** Queues a mail of a list, as the digest and reminder jobs do: one recipient, `list.kind` set. */
export const queueListMail = async (
  cloud: () => LocalCloud,
  to: string | string[],
  list: MailingList | undefined,
  subject = `Le point du jour ${Date.now()}-${run}`,
) => {
  const id = `test-list-mail-${Date.now()}-${run++}`;
  const client = createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb));
  await outboxRepository(client, config().dataTableName).enqueue(
    {
      id,
      network: 'indre',
      mail: {
        from: { name: 'Alizé Indre', address: 'indre@alize.example.org' },
        to: Array.isArray(to) ? to : [to],
        subject,
        html: '<!doctype html><html lang="fr"><body><p>Trois candidatures attendent.</p></body></html>',
        text: 'Trois candidatures attendent.',
        ...(list ? { list: { kind: list } } : {}),
      },
    },
    new Date(),
  );
  return { id, subject };
};

export const storedOutbox = (cloud: () => LocalCloud) =>
  outboxRepository(createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb)), config().dataTableName);

export const storedRecipients = (cloud: () => LocalCloud) =>
  mailRecipientRepository(
    createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb)),
    config().dataTableName,
  );

export const headerOf = (mail: StoredMail | undefined, name: string) =>
  mail?.headers?.find((header) => header.name.toLowerCase() === name.toLowerCase())?.value;

/** The one-click address of a stored list mail, moved onto the local site's origin. */
export const oneClickUrlOf = (mail: StoredMail | undefined, site: string) => {
  const value = headerOf(mail, 'List-Unsubscribe') ?? '';
  const url = new URL(/^<(.+)>$/.exec(value)?.[1] ?? 'http://invalid/');
  return new URL(`${url.pathname}${url.search}`, site).toString();
};

export const tokenOf = (mail: StoredMail | undefined) =>
  new URL(
    /^<(.+)>$/.exec(headerOf(mail, 'List-Unsubscribe') ?? '')?.[1] ?? 'http://invalid/',
  ).searchParams.get('t') ?? '';

export const oneClick = (url: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
