import * as z from 'zod/mini';

/** Why an address is suppressed: SES reported a permanent bounce, or the reader complained (spam). */
export type SuppressionReason = 'bounce' | 'complaint';

/**
 * The part of an SES event (as EventBridge delivers it from a configuration set's event destination)
 * that decides a suppression. Anything else in it is ignored, addresses of other events included.
 */
const recipient = z.object({ emailAddress: z.string() });
const sesEventSchema = z.object({
  'detail-type': z.string(),
  time: z.string(),
  detail: z.object({
    eventType: z.string(),
    bounce: z.optional(
      z.object({
        bounceType: z.string(),
        bounceSubType: z.optional(z.string()),
        bouncedRecipients: z.array(recipient),
        timestamp: z.optional(z.string()),
      }),
    ),
    complaint: z.optional(
      z.object({
        complainedRecipients: z.array(recipient),
        complaintFeedbackType: z.optional(z.string()),
        timestamp: z.optional(z.string()),
      }),
    ),
  }),
});

export interface SuppressionOrder {
  reason: SuppressionReason;
  /** SES's bounce subtype or complaint feedback type: says what happened, names nobody. */
  detail: string;
  at: string;
  addresses: string[];
}

/** The addresses an SES event asks to stop writing to, or undefined when it asks nothing (a transient bounce, another event). */
export const suppressionOrderOf = (event: unknown): SuppressionOrder | undefined => {
  const parsed = sesEventSchema.safeParse(event);
  if (!parsed.success) return undefined;
  const { detail, time } = parsed.data;
  const at = (instant: string | undefined) => {
    const date = new Date(instant ?? time);
    return Number.isNaN(date.getTime()) ? new Date(time).toISOString() : date.toISOString();
  };
  if (detail.eventType === 'Bounce' && detail.bounce?.bounceType === 'Permanent') {
    return {
      reason: 'bounce',
      detail: detail.bounce.bounceSubType ?? 'General',
      at: at(detail.bounce.timestamp),
      addresses: detail.bounce.bouncedRecipients.map((entry) => entry.emailAddress),
    };
  }
  if (detail.eventType === 'Complaint' && detail.complaint) {
    return {
      reason: 'complaint',
      detail: detail.complaint.complaintFeedbackType ?? 'abuse',
      at: at(detail.complaint.timestamp),
      addresses: detail.complaint.complainedRecipients.map((entry) => entry.emailAddress),
    };
  }
  return undefined;
};
