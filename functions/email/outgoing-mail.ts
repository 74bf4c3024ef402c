import * as z from 'zod';

/**
 * A mail ready to go: rendered by a template, stored in the outbox, sent by the mailer.
 * Addresses are checked here, and the subject loses any line break, so that text a user typed
 * can never add a header.
 */
export const outgoingMailSchema = z.object({
  to: z.array(z.email()).min(1).max(50),
  replyTo: z.array(z.email()).max(5).optional(),
  subject: z
    .string()
    .min(1)
    .max(200)
    .transform((subject) => subject.replace(/[\r\n]+/g, ' ')),
  html: z.string().min(1),
  text: z.string().min(1),
});
export type OutgoingMail = z.infer<typeof outgoingMailSchema>;
