import * as z from 'zod';
import { type FieldError, fieldErrors } from '../../../../shared/validation.ts';

/**
 * Client-side validation with the very schemas of shared/ that the Lambda applies, so the person
 * reads the same French messages before sending as the server would answer.
 *
 * This module and the schemas weigh about 90 KB (zod's classic API does not tree-shake): the form
 * scripts import it lazily, when someone starts filling a form, never with the page.
 */

// Zod compiles a faster parser with `new Function` when it may; the site's Content-Security-Policy
// has no 'unsafe-eval', so it would only trip a CSP report before falling back.
z.config({ jitless: true });

export type Validate = (value: unknown) => FieldError[];

export const validatorFor =
  (schema: z.ZodType): Validate =>
  (value) => {
    const result = schema.safeParse(value);
    return result.success ? [] : fieldErrors(result.error);
  };
