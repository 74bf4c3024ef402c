import * as z from 'zod/mini';
import { mailingListIds } from '../../../shared/mailing-lists.ts';

/**
 * A mail ready to go: rendered by a template, stored in the outbox, sent by the mailer.
 * Addresses are checked here, and the subject loses any line break, so that text a user typed
 * can never add a header.
 */
export const outgoingMailSchema = z.object({
  /** The network (or the national coordination) the mail comes from, as the reader sees it. */
  from: z.object({
    name: z.pipe(
      z.string().check(z.minLength(1), z.maxLength(80)),
      z.transform((name: string) => name.replace(/\p{Cc}+/gu, ' ')),
    ),
    address: z.email(),
  }),
  to: z.array(z.email()).check(z.minLength(1), z.maxLength(50)),
  replyTo: z.optional(z.array(z.email()).check(z.maxLength(5))),
  subject: z.pipe(
    z.string().check(z.minLength(1), z.maxLength(200)),
    z.transform((subject: string) => subject.replace(/[\r\n]+/g, ' ')),
  ),
  html: z.string().check(z.minLength(1)),
  text: z.string().check(z.minLength(1)),
  /** Small text files only (a mission's `.ics`): kept in the outbox record, well under DynamoDB's 400 KB. */
  attachments: z.optional(
    z
      .array(
        z.object({
          fileName: z.string().check(z.regex(/^[\w.-]{1,80}$/)),
          contentType: z.string().check(z.regex(/^[\w.+-]+\/[\w.+-]+(; ?[\w-]+=[\w-]+)*$/)),
          content: z.string().check(z.maxLength(100_000)),
        }),
      )
      .check(z.maxLength(3)),
  ),
  /**
   * The list a digest or reminder belongs to: sent to one recipient at a time, so that unsubscribing
   * (List-Unsubscribe, RFC 8058) and preferences are each person's own.
   */
  list: z.optional(z.object({ kind: z.enum(mailingListIds) })),
});
export type OutgoingMail = z.infer<typeof outgoingMailSchema>;
export type Sender = OutgoingMail['from'];
