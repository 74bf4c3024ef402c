import type { ContactMessage } from '../../../shared/contact-message.ts';
import { submissionKeys } from './submission.ts';

/** A question sent through the contact form, stored under its reference (`CONTACT-MESSAGE#MSG-FR-2026-0001`). */
export const contactMessageKeys = submissionKeys('contact-message', 'CONTACT-MESSAGE');

export type ContactMessageData = Omit<ContactMessage, 'consent' | 'comment' | 'formStartedAt'> & {
  departement?: string;
  consentedAt: string;
};
