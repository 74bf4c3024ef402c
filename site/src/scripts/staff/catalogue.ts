import type { CompetenceRecord } from '../../../../shared/partners.ts';
import type { CatalogueAdminView, StaffSession } from '../../../../shared/staff-api.ts';
import { byId, h, plural } from '../../lib/dom.ts';
import {
  createCompetence,
  getSession,
  listStaffCatalogue,
  setCompetenceStatus,
  updateCompetence,
} from '../../lib/staff/api.ts';
import {
  actionButton,
  type Categories,
  competenceFields,
  directoryForm,
  historyList,
  newKey,
  readCompetence,
  statusWords,
} from '../../lib/staff/directory.ts';
import { loadPage, pageMessages } from '../../lib/staff/page-load.ts';
import { partnerHref } from '../../lib/staff/pages.ts';

/**
 * The network's catalogue as staff keep it (`/espace-equipe/catalogue/[?reseau=…]`): every
 * competence by domain, retired ones included, each with the partners that offer it, its edit form
 * and its retire or reinstate button; the form to add one. What is saved is what the public
 * catalogue answers at once (`GET /api/catalogue` reads the table, no rebuild).
 */
const root = byId('catalogue', HTMLElement);
const categories = JSON.parse(root.dataset.categories ?? '[]') as Categories;
const filters = byId('filtres', HTMLFormElement);
const networkSelect = byId('filtre-reseau', HTMLSelectElement);
const addSection = byId('ajout', HTMLElement);
const addSlot = byId('ajout-formulaire', HTMLElement);

const asked = new URLSearchParams(window.location.search).get('reseau') || undefined;
const load = () => Promise.all([getSession(), listStaffCatalogue(asked)]);

// `draw` is defined below: called once the page is loaded, never before.
const { refresh, onStale } = pageMessages(load, (data) => draw(data));

let addKey = newKey();
let drewFilters = false;

const draw = ([session, view]: [StaffSession, CatalogueAdminView]) => {
  const national = session.scope.kind === 'national';
  if (national && !drewFilters) {
    networkSelect.append(...session.networks.map(({ id, name }) => h('option', { value: id }, [name])));
    networkSelect.value = asked ?? '';
    filters.hidden = false;
    drewFilters = true;
  }
  const partnerNames = new Map(view.partners.map((partner) => [partner.id, partner]));
  const networkNames = new Map(session.networks.map(({ id, name }) => [id, name]));

  const competenceItem = (competence: CompetenceRecord) => {
    const prefix = `competence-${competence.id}`;
    const offeredBy = competence.partnerIds.map((pid) => {
      const partner = partnerNames.get(pid);
      return partner
        ? h('li', {}, [
            h('a', { href: partnerHref(pid, national ? competence.network : undefined) }, [partner.name]),
            partner.status === 'retired' ? ' (retirée)' : '',
          ])
        : h('li', {}, [pid]);
    });
    return h('li', { class: 'competence', 'data-competence': competence.id }, [
      h('h4', { id: `${prefix}-titre` }, [competence.label]),
      h('p', { class: 'meta' }, [
        statusWords[competence.status].partner,
        national ? ` – ${networkNames.get(competence.network) ?? competence.network}` : '',
      ]),
      competence.description ? h('p', {}, [competence.description]) : null,
      h('p', {}, ['Offerte par\u00a0:']),
      h('ul', {}, offeredBy),
      ...(national
        ? []
        : [
            h('details', { class: 'edit' }, [
              h('summary', { 'aria-describedby': `${prefix}-titre` }, [
                'Modifier ou retirer cette compétence',
              ]),
              directoryForm({
                id: prefix,
                fields: competenceFields(prefix, categories, view.partners, competence),
                submitLabel: 'Enregistrer la compétence',
                send: async (form) => {
                  await updateCompetence(competence.id, {
                    ...readCompetence(form),
                    version: competence.version,
                  });
                  await refresh(`La compétence «\u00a0${competence.label}\u00a0» est enregistrée.`);
                },
                onStale,
              }),
              competence.status === 'active'
                ? actionButton(
                    'Retirer du catalogue',
                    async () => {
                      await setCompetenceStatus(competence.id, 'retired', competence.version);
                      await refresh(
                        `La compétence «\u00a0${competence.label}\u00a0» est retirée du catalogue.`,
                      );
                    },
                    { secondary: true, onStale },
                  )
                : actionButton(
                    'Remettre au catalogue',
                    async () => {
                      await setCompetenceStatus(competence.id, 'active', competence.version);
                      await refresh(
                        `La compétence «\u00a0${competence.label}\u00a0» est de nouveau au catalogue.`,
                      );
                    },
                    { onStale },
                  ),
              h('h5', {}, ['Historique']),
              historyList(competence.history),
            ]),
          ]),
    ]);
  };

  const groups = categories
    .map((category) => ({
      ...category,
      competences: view.competences.filter((competence) => competence.category === category.id),
    }))
    .filter((group) => group.competences.length > 0);
  const active = view.competences.filter((competence) => competence.status === 'active').length;
  root.replaceChildren(
    h('h2', {}, ['Les compétences']),
    h('p', { class: 'summary-line' }, [
      view.competences.length === 0
        ? 'Aucune compétence au catalogue.'
        : `${plural(view.competences.length, 'compétence', 'compétences')}, dont ${active} au catalogue public.`,
    ]),
    ...groups.flatMap((group) => [
      h('h3', {}, [group.label]),
      h('ul', { class: 'competences', role: 'list' }, group.competences.map(competenceItem)),
    ]),
  );

  if (national) return;
  addSlot.replaceChildren(
    directoryForm({
      id: 'nouvelle-competence',
      fields: competenceFields(
        'nouvelle-competence',
        categories,
        view.partners.filter((partner) => partner.status === 'active'),
      ),
      submitLabel: 'Ajouter au catalogue',
      send: async (form) => {
        const competence = await createCompetence(readCompetence(form), addKey);
        addKey = newKey();
        await refresh(`La compétence «\u00a0${competence.label}\u00a0» est au catalogue.`);
      },
    }),
  );
  addSection.hidden = false;
};

void loadPage(load, draw);
