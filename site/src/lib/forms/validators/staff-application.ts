import * as z from 'zod/mini';
import { applicationSchema } from '../../../../../shared/application.ts';
import { recordedSources } from '../../../../../shared/application-status.ts';
import { validatorFor } from '../validator.ts';

/**
 * An application staff record on an SME's behalf: the public form's schema, where it came from
 * (never the site's form), the SME's consent as the staff member ticks it, no anti-bot fields.
 */
export const validate = validatorFor(
  z.extend(z.omit(applicationSchema, { comment: true, formStartedAt: true }), {
    source: z.enum(recordedSources as [string, ...string[]], 'Indiquez d’où vient cette candidature.'),
    consent: z.pipe(
      z.transform((value: unknown) => value === true || value === 'true'),
      z.literal(true, { error: 'Cochez cette case une fois que l’entreprise a donné son accord.' }),
    ),
  }),
);
