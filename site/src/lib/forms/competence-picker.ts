import type { EnhancedForm } from './enhance-form.ts';

/**
 * The application form's competences (components/form/CompetencePicker.astro), made lighter:
 * - the postcode's département picks its network: only that network's competences stay shown
 *   (the others are hidden, not removed, and unticked, so they are never sent);
 * - `?competence=<id>`, as the catalogue links it, ticks that competence and shows its network;
 * - past the maximum, the schema's own message says so at once.
 */
const field = 'project.competences';

interface NetworkGroup {
  id: string;
  name: string;
  departements: string[];
  element: HTMLFieldSetElement;
}

/** Overseas postcodes start with their three-digit département (971…976); Corsica's 2A/2B are not handled. */
const departementOf = (postcode: string) => postcode.slice(0, postcode.startsWith('97') ? 3 : 2);

export const setUpCompetencePicker = (
  group: HTMLFieldSetElement,
  postcode: HTMLInputElement,
  form: EnhancedForm | undefined,
) => {
  const territory = group.querySelector('.territory');
  const max = Number(group.dataset.max);
  const networks: NetworkGroup[] = [
    ...group.querySelectorAll<HTMLFieldSetElement>('fieldset[data-network]'),
  ].map((element) => ({
    id: element.dataset.network ?? '',
    name: element.querySelector('legend')?.textContent?.trim() ?? '',
    departements: (element.dataset.departements ?? '').split(' '),
    element,
  }));
  const boxes = () => [...group.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];

  const say = (text: string) => {
    if (territory) territory.textContent = text;
  };

  let tooMany = false;
  const checkCount = async () => {
    const count = boxes().filter((box) => box.checked).length;
    if (!form || count <= max) {
      if (tooMany) form?.clearFieldError(field);
      tooMany = false;
      return;
    }
    const message = (await form.validate())?.find((error) => error.field === field)?.message;
    if (message) {
      form.showFieldError(field, message, { announce: true });
      tooMany = true;
    }
  };

  /** Shows one network's competences, or every network's without an argument. */
  const showOnly = (shown?: NetworkGroup) => {
    for (const network of networks) {
      const hidden = shown !== undefined && network !== shown;
      network.element.hidden = hidden;
      if (hidden) for (const box of network.element.querySelectorAll('input')) box.checked = false;
    }
    void checkCount();
  };

  let lastPostcode = '';
  const onPostcode = () => {
    const value = postcode.value.trim();
    if (value === lastPostcode || (value !== '' && !/^\d{5}$/.test(value))) return;
    lastPostcode = value;
    if (value === '') {
      showOnly();
      say('');
      return;
    }
    const matching = networks.filter((network) => network.departements.includes(departementOf(value)));
    const [only] = matching;
    if (only && matching.length === 1) {
      showOnly(only);
      say(
        `Code postal ${value}\u00a0: voici les compétences du réseau ${only.name}, qui couvre votre département.`,
      );
    } else {
      showOnly();
      say(
        matching.length === 0
          ? `Aucun des réseaux présents sur ce site ne couvre le code postal ${value}\u00a0: toutes les compétences restent affichées.`
          : '',
      );
    }
  };

  const preselect = new URLSearchParams(window.location.search).get('competence');
  const preselected = boxes().find((box) => box.value === preselect);
  const preselectedNetwork = networks.find((network) => preselected && network.element.contains(preselected));
  if (preselected && preselectedNetwork) {
    showOnly(preselectedNetwork);
    preselected.checked = true;
    say(
      `Voici les compétences du réseau ${preselectedNetwork.name}. Le code postal de votre entreprise affichera celles du réseau de votre territoire.`,
    );
  }

  postcode.addEventListener('input', onPostcode);
  group.addEventListener('change', () => void checkCount());
  // A page restored by the back button keeps what was typed: apply it.
  onPostcode();
};
