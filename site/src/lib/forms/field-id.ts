import { fieldId } from '../../../../shared/forms.ts';

/**
 * A field's `id` is its name with dots turned into hyphens (shared/forms.ts: the server's
 * no-JavaScript error page links to `/candidater/#company-siret`); its hint and its error are
 * found from that id.
 */
export { fieldId };
export const hintId = (id: string): string => `${id}-aide`;
export const errorId = (id: string): string => `${id}-erreur`;
