import { byId } from '../lib/dom.ts';
import { setUpCompetencePicker } from '../lib/forms/competence-picker.ts';
import { enhanceForm } from '../lib/forms/enhance-form.ts';
import { dropPastMonths } from '../lib/forms/month-select.ts';

/** The SME application (`/candidater/`), checked with shared/application.ts before it is sent. */
const form = enhanceForm({
  form: byId('candidature', HTMLFormElement),
  loadValidator: () => import('../lib/forms/validators/application.ts'),
});
setUpCompetencePicker(
  byId('project-competences', HTMLFieldSetElement),
  byId('company-postcode', HTMLInputElement),
  byId('company-postcode-territoire', HTMLElement),
  form,
);
dropPastMonths(byId('project-desiredStart', HTMLSelectElement));
