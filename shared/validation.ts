import * as z from 'zod';
// The French locale alone: `z.locales` would pull in every language zod speaks.
import fr from 'zod/v4/locales/fr.js';

/**
 * Zod's own messages in French, for the browser and the Lambda alike: any schema in shared/
 * that does not spell out its message still speaks the user's language.
 */
z.config(fr());

export interface FieldError {
  field: string;
  message: string;
}

/** Flattens zod issues into the `{ field, message }` list the API answers and the forms display. */
export const fieldErrors = (error: z.ZodError): FieldError[] =>
  error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '_',
    message: issue.message,
  }));
