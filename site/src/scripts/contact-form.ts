import { byId } from '../lib/dom.ts';
import { enhanceForm } from '../lib/forms/enhance-form.ts';

/** The contact form (`/contact/`), checked with shared/contact-message.ts before it is sent. */
enhanceForm({
  form: byId('ecrire', HTMLFormElement),
  loadValidator: () => import('../lib/forms/validators/contact-message.ts'),
});
