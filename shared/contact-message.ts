import * as z from 'zod/mini';
import {
  antiBotFields,
  consent,
  email,
  optionalPattern,
  optionalPhone,
  optionalPostcode,
  optionalText,
  requiredText,
} from './form-fields.ts';

/**
 * A question to a network (`POST /api/contact`). The network is chosen in the form, or found
 * from the postcode; without either, the message goes to the national coordination.
 */
export const contactMessageSchema = z.object({
  name: requiredText(2, 120, 'Votre nom', 'name'),
  email,
  phone: optionalPhone,
  organisation: optionalText(120, 'Le nom de la structure', 'name'),
  network: optionalPattern('Le réseau', /^[a-z0-9-]{2,40}$/, 'Réseau inconnu.'),
  postcode: optionalPostcode,
  subject: requiredText(3, 150, 'L’objet'),
  message: requiredText(10, 5000, 'Le message', 'paragraphs'),
  consent,
  ...antiBotFields,
});

export type ContactMessageInput = z.input<typeof contactMessageSchema>;
export type ContactMessage = z.output<typeof contactMessageSchema>;
