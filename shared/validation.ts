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

/** The dotted paths of an object schema's fields, in the order they are declared (the form's order). */
export const fieldPaths = (schema: z.ZodObject, prefix = ''): string[] =>
  Object.entries(schema.shape).flatMap(([name, field]) =>
    field instanceof z.ZodObject ? fieldPaths(field, `${prefix}${name}.`) : [`${prefix}${name}`],
  );

/** One error per field (the first found), in the form's order: what a person can act on. */
export const orderFieldErrors = (errors: readonly FieldError[], order: readonly string[]): FieldError[] => {
  const rank = (field: string) => {
    const index = order.findIndex((path) => field === path || field.startsWith(`${path}.`));
    return index === -1 ? order.length : index;
  };
  const seen = new Set<string>();
  return (
    errors
      // An error on one item of a list (`project.competences.2`) belongs to the list's field.
      .map((error, index) => ({ error: { ...error, field: error.field.replace(/(\.\d+)+$/, '') }, index }))
      .sort((a, b) => rank(a.error.field) - rank(b.error.field) || a.index - b.index)
      .map(({ error }) => error)
      .filter((error) => {
        if (seen.has(error.field)) return false;
        seen.add(error.field);
        return true;
      })
  );
};
