import * as z from 'zod/mini';
import { antiBotFields, consent, email, optionalPhone, requiredText } from './form-fields.ts';
import { preprocess } from './validation.ts';

/**
 * A question to a network (`POST /api/contact`). The network is chosen in the form, or found
 * from the postcode; without either, the message goes to the national coordination.
 */
export const contactMessageSchema = z.object({
  name: requiredText(2, 120, 'Votre nom'),
  email,
  phone: optionalPhone,
  organisation: preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.optional(
      z
        .string()
        .check(z.trim(), z.maxLength(120, 'Le nom de la structure ne doit pas dépasser 120 caractères.')),
    ),
  ),
  network: preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.optional(z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, 'Réseau inconnu.'))),
  ),
  postcode: preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.optional(z.string().check(z.trim(), z.regex(/^\d{5}$/, 'Le code postal compte 5 chiffres.'))),
  ),
  subject: requiredText(3, 150, 'L’objet'),
  message: requiredText(10, 5000, 'Le message'),
  consent,
  ...antiBotFields,
});

export type ContactMessageInput = z.input<typeof contactMessageSchema>;
export type ContactMessage = z.output<typeof contactMessageSchema>;
