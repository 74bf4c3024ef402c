import type { CatalogueResponse, Competence } from '../../../shared/catalogue.ts';
import { groupByCategory } from '../../../shared/catalogue-groups.ts';
import { frenchSpacing } from '../../../shared/french-spacing.ts';
import { departementOfPostcode, networkOfPostcode } from '../../../shared/postcodes.ts';
import { fetchCatalogue } from '../lib/catalogue-api.ts';
import { departementLabel } from '../lib/departements.ts';
import { byId, h, plural } from '../lib/dom.ts';

/**
 * The catalogue, territory first. The page holds the whole catalogue of the build (what a browser
 * without JavaScript shows); this script hides it and asks for a postcode or a network instead,
 * remembers the choice on the device (localStorage), then loads that network's live competences
 * (`/api/catalogue?network=<id>`), grouped by category, filtered by search and category without a
 * reload. The address mirrors the choice (`?reseau=…&q=…&categorie=…`), so /reseaux/ can link to a
 * network's catalogue and a filtered catalogue can be shared.
 */

const storageKey = 'alize.reseau';

const staticCatalogue = byId('catalogue-complet', HTMLElement);
const territoryForm = byId('territoire', HTMLFormElement);
const postcodeInput = byId('territoire-code-postal', HTMLInputElement);
const networkSelect = byId('territoire-reseau', HTMLSelectElement);
const territoryMessage = byId('territoire-message', HTMLElement);
const outsideTemplate = byId('hors-territoire', HTMLTemplateElement);
const networkSection = byId('catalogue-reseau', HTMLElement);
const networkHeading = byId('catalogue-reseau-titre', HTMLElement);
const changeButton = byId('changer-territoire', HTMLButtonElement);
const filters = byId('catalogue-filtres', HTMLFormElement);
const searchInput = byId('recherche', HTMLInputElement);
const categorySelect = byId('categorie', HTMLSelectElement);
const resetButton = byId('effacer-filtres', HTMLButtonElement);
const status = byId('catalogue-statut', HTMLElement);
const errorBox = byId('catalogue-erreur', HTMLElement);
const retryButton = byId('catalogue-reessayer', HTMLButtonElement);
const results = byId('catalogue-resultats', HTMLElement);
const empty = byId('catalogue-vide', HTMLElement);
const emptyResetButton = byId('catalogue-vide-effacer', HTMLButtonElement);

interface NetworkChoice {
  id: string;
  name: string;
  departements: string[];
}

/** The networks of the build, as the territory select lists them. */
const networks: NetworkChoice[] = [...networkSelect.options]
  .filter((option) => option.value !== '')
  .map((option) => ({
    id: option.value,
    name: option.dataset.name ?? option.text,
    departements: (option.dataset.departements ?? '').split(' '),
  }));
const networkById = (id: string | null | undefined) => networks.find((network) => network.id === id);

/** Private browsing may refuse storage: the choice then lasts as long as the page. */
const remembered = {
  get: (): string | null => {
    try {
      return window.localStorage.getItem(storageKey);
    } catch {
      return null;
    }
  },
  set: (id: string) => {
    try {
      window.localStorage.setItem(storageKey, id);
    } catch {
      // Nothing to do: see above.
    }
  },
};

interface Entry {
  element: HTMLElement;
  /** Label, description, partners and category, lower case and without accents. */
  haystack: string;
}

interface Group {
  id: string;
  element: HTMLElement;
  entries: Entry[];
}

const normalize = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, ' ')
    .toLowerCase();

let current: NetworkChoice | undefined;
let groups: Group[] = [];
let announceTimer: number | undefined;
/** Each load has a number: an answer that arrives after the visitor chose another network is dropped. */
let loadNumber = 0;
/** Search and category of the address, applied to the first catalogue shown only. */
let filtersFromAddress: { q: string; categorie: string | null } | undefined;

const setStatus = (text: string) => {
  status.textContent = text;
};

/** The same markup as components/CompetenceCard.astro. */
const renderCompetence = (competence: Competence): HTMLElement =>
  h('li', { class: 'card' }, [
    h('h4', {}, [competence.label]),
    competence.description ? h('p', {}, [competence.description]) : null,
    h('p', { class: 'meta' }, [
      `${competence.partners.length > 1 ? 'Entreprises partenaires' : 'Entreprise partenaire'}\u00a0: ${competence.partners.join(', ')}`,
    ]),
    h('p', {}, [
      h('a', { href: `/candidater/?competence=${encodeURIComponent(competence.id)}` }, [
        'Demander cet accompagnement',
        h('span', { class: 'visually-hidden' }, [`\u00a0: ${competence.label}`]),
      ]),
    ]),
  ]);

/** The texts staff typed, with French spacing, as the build shows them. */
const asShown = (competence: Competence): Competence => ({
  ...competence,
  label: frenchSpacing(competence.label),
  description: frenchSpacing(competence.description),
  partners: competence.partners.map(frenchSpacing),
});

const render = (catalogue: CatalogueResponse, network: NetworkChoice) => {
  const own = catalogue.competences.filter((c) => c.network === network.id).map(asShown);
  const categories = groupByCategory(catalogue.categories, own);
  groups = categories.map((category) => {
    const entries = category.competences.map((competence) => ({
      element: renderCompetence(competence),
      haystack: normalize(
        [competence.label, competence.description, ...competence.partners, category.label].join(' '),
      ),
    }));
    // Headings, not landmarks: a region per category would crowd the page's landmarks.
    const element = h('div', { class: 'category' }, [
      h('h3', {}, [category.label]),
      h(
        'ul',
        { class: 'cards', role: 'list' },
        entries.map((entry) => entry.element),
      ),
    ]);
    return { id: category.id, element, entries };
  });
  results.replaceChildren(...groups.map((group) => group.element));
  categorySelect.replaceChildren(
    new Option('Toutes les catégories', ''),
    ...categories.map((category) => new Option(category.label, category.id)),
  );
};

const writeAddress = () => {
  const url = new URL(window.location.href);
  const values = {
    reseau: current?.id ?? '',
    q: searchInput.value.trim(),
    categorie: categorySelect.value,
  };
  for (const [name, value] of Object.entries(values)) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  // A link to a network's part of the whole catalogue (#reseau-indre) has done its job.
  url.hash = '';
  window.history.replaceState(null, '', url);
};

const countText = (count: number) => plural(count, 'compétence affichée', 'compétences affichées');

const applyFilters = ({ announceNow = false } = {}) => {
  const terms = normalize(searchInput.value).split(/\s+/).filter(Boolean);
  const category = categorySelect.value;
  let shown = 0;
  for (const group of groups) {
    let shownInGroup = 0;
    for (const entry of group.entries) {
      const visible =
        (!category || group.id === category) && terms.every((term) => entry.haystack.includes(term));
      entry.element.hidden = !visible;
      if (visible) shownInGroup += 1;
    }
    group.element.hidden = shownInGroup === 0;
    shown += shownInGroup;
  }
  empty.hidden = shown > 0;

  // The count is announced once typing pauses, not at every key stroke.
  window.clearTimeout(announceTimer);
  if (announceNow) setStatus(countText(shown));
  else announceTimer = window.setTimeout(() => setStatus(countText(shown)), 400);
};

const onFilterChange = () => {
  applyFilters();
  writeAddress();
};

const resetFilters = () => {
  searchInput.value = '';
  categorySelect.value = '';
  onFilterChange();
  searchInput.focus();
};

const load = async (network: NetworkChoice) => {
  const number = ++loadNumber;
  errorBox.hidden = true;
  filters.hidden = true;
  empty.hidden = true;
  results.replaceChildren();
  results.setAttribute('aria-busy', 'true');
  setStatus(`Chargement des compétences du réseau ${network.name}…`);
  try {
    const catalogue = await fetchCatalogue(network.id);
    if (number !== loadNumber) return;
    render(catalogue, network);
    const wanted = filtersFromAddress;
    filtersFromAddress = undefined;
    searchInput.value = wanted?.q ?? '';
    const category = wanted?.categorie;
    categorySelect.value = [...categorySelect.options].some((option) => option.value === category)
      ? (category ?? '')
      : '';
    filters.hidden = false;
    applyFilters({ announceNow: true });
    writeAddress();
  } catch (error) {
    if (number !== loadNumber) return;
    console.error('Catalogue indisponible', error);
    setStatus('Le catalogue n’a pas pu être chargé.');
    errorBox.hidden = false;
  } finally {
    if (number === loadNumber) results.removeAttribute('aria-busy');
  }
};

/** Shows one network's catalogue, remembered for the next visit. */
const showNetwork = (network: NetworkChoice, { focus = false } = {}) => {
  current = network;
  remembered.set(network.id);
  territoryForm.hidden = true;
  territoryMessage.replaceChildren();
  networkSection.hidden = false;
  for (const slot of networkSection.querySelectorAll('[data-slot="network"]'))
    slot.textContent = network.name;
  if (focus) networkHeading.focus();
  void load(network);
};

/** Asks for the territory: the first visit, or « Changer de territoire ». */
const askTerritory = ({ focus = false } = {}) => {
  networkSection.hidden = true;
  territoryForm.hidden = false;
  postcodeInput.value = '';
  networkSelect.value = current?.id ?? '';
  if (focus) postcodeInput.focus();
};

const say = (text: string) => {
  territoryMessage.replaceChildren(h('p', { class: 'field-error' }, [text]));
};

/** A postcode no network of this site covers: the national coordination answers, by mail. */
const sayOutside = (postcode: string) => {
  const panel = (outsideTemplate.content.cloneNode(true) as DocumentFragment).firstElementChild;
  if (!(panel instanceof HTMLElement)) throw new Error('#hors-territoire has no element');
  const departement = departementOfPostcode(postcode);
  for (const slot of panel.querySelectorAll('[data-slot="departement"]')) {
    slot.textContent = departement ? departementLabel(departement) : postcode;
  }
  territoryMessage.replaceChildren(panel);
};

territoryForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const postcode = postcodeInput.value.trim();
  if (postcode !== '') {
    if (!/^\d{5}$/.test(postcode)) {
      postcodeInput.setAttribute('aria-invalid', 'true');
      say('Le code postal compte 5 chiffres, par exemple 36000.');
      postcodeInput.focus();
      return;
    }
    const network = networkOfPostcode(networks, postcode);
    if (network) showNetwork(network, { focus: true });
    else sayOutside(postcode);
    return;
  }
  const chosen = networkById(networkSelect.value);
  if (chosen) showNetwork(chosen, { focus: true });
  else say('Indiquez le code postal de votre entreprise, ou choisissez un réseau.');
});
// One way at a time: a postcode typed clears the network chosen, and the other way round.
postcodeInput.addEventListener('input', () => {
  networkSelect.value = '';
  postcodeInput.removeAttribute('aria-invalid');
  territoryMessage.replaceChildren();
});
networkSelect.addEventListener('change', () => {
  postcodeInput.value = '';
  postcodeInput.removeAttribute('aria-invalid');
  territoryMessage.replaceChildren();
});
changeButton.addEventListener('click', () => askTerritory({ focus: true }));

filters.addEventListener('submit', (event) => event.preventDefault());
searchInput.addEventListener('input', onFilterChange);
categorySelect.addEventListener('change', onFilterChange);
resetButton.addEventListener('click', resetFilters);
emptyResetButton.addEventListener('click', resetFilters);
retryButton.addEventListener('click', () => {
  // The button disappears while loading: keep the focus on the message that tells what happens.
  status.focus();
  if (current) void load(current);
});

const params = new URLSearchParams(window.location.search);
filtersFromAddress = { q: params.get('q') ?? '', categorie: params.get('categorie') };
const linkedTo = window.location.hash.startsWith('#reseau-');
staticCatalogue.hidden = true;
const initial = networkById(params.get('reseau')) ?? networkById(remembered.get());
if (initial) {
  showNetwork(initial);
  if (linkedTo) networkSection.scrollIntoView();
} else {
  askTerritory();
}
