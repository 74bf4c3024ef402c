import { contactMessageSchema } from '../../../../../shared/contact-message.ts';
import { validatorFor } from '../validator.ts';

export const validate = validatorFor(contactMessageSchema);
