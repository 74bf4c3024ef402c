import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { MailHeader } from '../domain/outbox/list-unsubscribe.ts';
import { type OutgoingMail, outgoingMailSchema, type Sender } from '../domain/outbox/outgoing-mail.ts';
import { tracer } from '../runtime/tracer.ts';

export interface Mailer {
  /** `headers`: the list headers the outbox adds to a list mail (List-Unsubscribe), never text a user typed. */
  send(mail: OutgoingMail, extras?: { headers?: readonly MailHeader[] }): Promise<{ messageId: string }>;
}

/**
 * `From` as SES takes it: SES speaks no SMTPUTF8, so a display name outside ASCII (« Alizé Indre »)
 * travels as an RFC 2047 encoded word; an ASCII one is quoted.
 */
export const fromHeader = ({ name, address }: Sender): string =>
  /^[\x20-\x7e]*$/.test(name)
    ? `"${name.replace(/["\\]/g, '\\$&')}" <${address}>`
    : `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?= <${address}>`;

/**
 * SES quotes addresses in some refusals (in the sandbox: « The following identities failed the
 * check… »), and the X-Ray SDK puts a failed call's message in the trace. Below its middleware (same
 * step, lower priority: nearer the wire), an SES error loses its message and keeps its name, which is
 * all the outbox records. A network error (no `$metadata`) names only a host and is left as it is.
 */
export const withholdErrorMessages = (client: SESv2Client): SESv2Client => {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (error instanceof Error && '$metadata' in error)
          error.message = `${error.name} (message withheld: SES may quote addresses in it)`;
        throw error;
      }
    },
    { step: 'build', priority: 'low', name: 'withholdErrorMessages' },
  );
  return client;
};

const clients = new Map<boolean, SESv2Client>();
/**
 * One SES client per instance and per patience: a person waits on the fail-fast one (one retry, short
 * timeouts); the jobs use the SDK's defaults.
 */
export const sesClient = (failFast: boolean): SESv2Client => {
  let client = clients.get(failFast);
  if (!client) {
    client = new SESv2Client(
      failFast
        ? {
            // A form sends its two mails side by side within its 10 s, and the outbox job retries.
            // Without throwOnRequestTimeout the SDK only logs a warning at requestTimeout and waits on,
            // so an SES that accepts the connection but does not answer held the form until its
            // timeout: a 500 for an application already stored.
            maxAttempts: 1,
            requestHandler: { connectionTimeout: 1000, requestTimeout: 3000, throwOnRequestTimeout: true },
          }
        : {},
    );
    // Each send a subsegment of the trace, its message kept out of it.
    client = tracer.captureAWSv3Client(withholdErrorMessages(client));
    clients.set(failFast, client);
  }
  return client;
};

/**
 * The only code that talks to SES. Its endpoint comes from AWS_ENDPOINT_URL_SESV2, which the
 * local cloud points at aws-ses-v2-local.
 */
export const sesMailer = (options: {
  configurationSet?: string | undefined;
  client?: SESv2Client;
  /**
   * For sending while a person waits for the answer: give up quickly (no retry, short timeouts)
   * and leave the mail to the outbox job, rather than hold the request until the function times out.
   */
  failFast?: boolean;
}): Mailer => {
  const client = options.client ?? sesClient(options.failFast ?? false);
  return {
    async send(mail, extras) {
      const checked = outgoingMailSchema.parse(mail);
      const result = await client.send(
        new SendEmailCommand({
          FromEmailAddress: fromHeader(checked.from),
          Destination: { ToAddresses: checked.to },
          ReplyToAddresses: checked.replyTo,
          ConfigurationSetName: options.configurationSet,
          Content: {
            Simple: {
              Subject: { Data: checked.subject, Charset: 'UTF-8' },
              ...(extras?.headers?.length
                ? { Headers: extras.headers.map(({ name, value }) => ({ Name: name, Value: value })) }
                : {}),
              Body: {
                Html: { Data: checked.html, Charset: 'UTF-8' },
                Text: { Data: checked.text, Charset: 'UTF-8' },
              },
              ...(checked.attachments?.length
                ? {
                    Attachments: checked.attachments.map((attachment) => ({
                      FileName: attachment.fileName,
                      ContentType: attachment.contentType,
                      ContentDisposition: 'ATTACHMENT' as const,
                      RawContent: Buffer.from(attachment.content, 'utf8'),
                    })),
                  }
                : {}),
            },
          },
        }),
      );
      return { messageId: result.MessageId ?? '' };
    },
  };
};
