import type { PartnerListItem, StaffSession } from '../../../../shared/staff-api.ts';
import { byId, h, plural } from '../../lib/dom.ts';
import { createPartner, getSession, listPartners } from '../../lib/staff/api.ts';
import { directoryForm, newKey, partnerFields, readPartner, statusWords } from '../../lib/staff/directory.ts';
import { readableSiret } from '../../lib/staff/format.ts';
import { scrollTable } from '../../lib/staff/markup.ts';
import { loadPage } from '../../lib/staff/page-load.ts';
import { partnerHref } from '../../lib/staff/pages.ts';

/**
 * The partner companies (`/espace-equipe/partenaires/[?reseau=…&statut=…]`): active ones by default,
 * retired ones or all on demand, and the form to add one (a network's own staff only). National staff
 * read every network, or one.
 */
const filters = byId('filtres', HTMLFormElement);
const networkField = byId('filtre-reseau-champ', HTMLElement);
const networkSelect = byId('filtre-reseau', HTMLSelectElement);
const statusSelect = byId('filtre-statut', HTMLSelectElement);
const list = byId('partenaires', HTMLElement);
const addSection = byId('ajout', HTMLElement);
const addSlot = byId('ajout-formulaire', HTMLElement);

const query = new URLSearchParams(window.location.search);
const askedNetwork = query.get('reseau') || undefined;
const askedStatus = query.get('statut');
const shown = askedStatus === 'retired' || askedStatus === 'all' ? askedStatus : 'active';
statusSelect.value = shown === 'active' ? '' : shown;

const filterWords = { active: 'active', retired: 'retirée', all: '' } as const;

const draw = ([session, { partners }]: [StaffSession, { partners: PartnerListItem[] }]) => {
  const national = session.scope.kind === 'national';
  const names = new Map(session.networks.map(({ id, name }) => [id, name]));
  if (national) {
    networkSelect.append(...session.networks.map(({ id, name }) => h('option', { value: id }, [name])));
    networkSelect.value = askedNetwork ?? '';
    networkField.hidden = false;
  }
  filters.hidden = false;
  const listed = partners.filter((partner) => shown === 'all' || partner.status === shown);
  const word = filterWords[shown];
  list.replaceChildren(
    h('p', { class: 'summary-line' }, [
      listed.length === 0
        ? `Aucune entreprise partenaire${word ? ` ${word}` : ''}.`
        : `${plural(listed.length, 'entreprise partenaire', 'entreprises partenaires')}${word ? ` ${word}${listed.length > 1 ? 's' : ''}` : ''}.`,
    ]),
    ...(listed.length === 0
      ? []
      : [
          scrollTable(
            'partenaires-tableau',
            'Entreprises partenaires',
            [
              'Entreprise',
              ...(national ? ['Réseau'] : []),
              'Secteur',
              'SIRET',
              'Contact',
              'Volontaires actifs',
              'Compétences offertes',
              'Statut',
            ],
            listed.map((partner) =>
              h('tr', {}, [
                h('th', { scope: 'row' }, [
                  h('a', { href: partnerHref(partner.id, national ? partner.network : undefined) }, [
                    partner.name,
                  ]),
                ]),
                ...(national ? [h('td', {}, [names.get(partner.network) ?? partner.network])] : []),
                h('td', {}, [partner.sector]),
                h('td', { class: 'nowrap' }, [readableSiret(partner.siret)]),
                h('td', {}, [`${partner.contact.firstName} ${partner.contact.lastName}`]),
                h('td', {}, [String(partner.volunteers)]),
                h('td', {}, [String(partner.competences)]),
                h('td', {}, [statusWords[partner.status].partner]),
              ]),
            ),
          ),
        ]),
  );
  if (national) return;
  let key = newKey();
  addSlot.replaceChildren(
    directoryForm({
      id: 'nouveau-partenaire',
      fields: partnerFields('nouveau'),
      submitLabel: 'Ajouter l’entreprise',
      send: async (form) => {
        const partner = await createPartner(readPartner(form), key);
        key = newKey();
        window.location.assign(partnerHref(partner.id));
      },
    }),
  );
  addSection.hidden = false;
};

void loadPage(() => Promise.all([getSession(), listPartners(askedNetwork)]), draw);
