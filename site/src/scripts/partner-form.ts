import { byId } from '../lib/dom.ts';
import { enhanceForm } from '../lib/forms/enhance-form.ts';

/** The partner form (`/devenir-partenaire/`), checked with shared/partner-offer.ts before it is sent. */
enhanceForm({
  form: byId('partenariat', HTMLFormElement),
  loadValidator: () => import('../lib/forms/validators/partner-offer.ts'),
});
