import type { VolunteerRecord } from '../../../../shared/partners.ts';
import type { PartnerView } from '../../../../shared/staff-api.ts';
import { byId, h, plural } from '../../lib/dom.ts';
import {
  createVolunteer,
  getPartner,
  setPartnerStatus,
  setVolunteerStatus,
  updatePartner,
  updateVolunteer,
} from '../../lib/staff/api.ts';
import {
  actionButton,
  directoryForm,
  historyList,
  newKey,
  partnerFields,
  readPartner,
  readVolunteer,
  statusWords,
  volunteerFields,
} from '../../lib/staff/directory.ts';
import { readableSiret } from '../../lib/staff/format.ts';
import { facts, scrollTable } from '../../lib/staff/markup.ts';
import { loadPage, pageMessages } from '../../lib/staff/page-load.ts';
import { staffPages } from '../../lib/staff/pages.ts';

/**
 * One partner company (`/espace-equipe/partenaire/?id=…[&reseau=…]`): its fiche, edited or retired;
 * its volunteers, added, edited or retired (their fiche and history stay); the competences it
 * offers, kept on the catalogue page. Every change is sent with the version read: when someone else
 * changed the fiche first, the page says so and shows the fiche as it is now.
 */
const title = byId('titre', HTMLElement);
const root = byId('partenaire', HTMLElement);

const query = new URLSearchParams(window.location.search);
const id = query.get('id') ?? '';
const network = query.get('reseau') || undefined;

const load = () => getPartner(id, { network });

// `draw` is defined below: called once the page is loaded, never before.
const { refresh, onStale } = pageMessages(load, (data) => draw(data));

const fullName = (volunteer: Pick<VolunteerRecord, 'firstName' | 'lastName'>) =>
  `${volunteer.firstName} ${volunteer.lastName}`;

const volunteerSection = (view: PartnerView) => {
  const labels = new Map(view.catalogue.map((competence) => [competence.id, competence.label]));
  const { volunteers, partner } = view;
  const rows = volunteers.map((volunteer) =>
    h('tr', {}, [
      h('th', { scope: 'row' }, [fullName(volunteer)]),
      h('td', {}, [volunteer.role]),
      h('td', {}, [volunteer.email]),
      h('td', {}, [volunteer.competences.map((cid) => labels.get(cid) ?? cid).join(', ')]),
      h('td', {}, [statusWords[volunteer.status].person]),
    ]),
  );
  const edits = view.editable
    ? volunteers.map((volunteer) =>
        h('details', { class: 'edit' }, [
          h('summary', {}, [`Modifier ou retirer ${fullName(volunteer)}`]),
          directoryForm({
            id: `volontaire-${volunteer.id}`,
            fields: volunteerFields(`volontaire-${volunteer.id}`, view.catalogue, volunteer),
            submitLabel: 'Enregistrer la fiche',
            send: async (form) => {
              await updateVolunteer(volunteer.id, {
                ...readVolunteer(form, volunteer.partnerId),
                version: volunteer.version,
              });
              await refresh(`La fiche de ${fullName(volunteer)} est enregistrée.`);
            },
            onStale,
          }),
          volunteer.status === 'active'
            ? actionButton(
                `Retirer ${fullName(volunteer)}`,
                async () => {
                  await setVolunteerStatus(volunteer.id, 'retired', volunteer.version);
                  await refresh(
                    `${fullName(volunteer)} est retiré·e\u00a0: sa fiche et son historique restent.`,
                  );
                },
                { secondary: true, onStale },
              )
            : actionButton(
                `Réactiver ${fullName(volunteer)}`,
                async () => {
                  await setVolunteerStatus(volunteer.id, 'active', volunteer.version);
                  await refresh(`${fullName(volunteer)} est de nouveau actif·ve.`);
                },
                { onStale },
              ),
          h('p', { class: 'meta' }, ['Historique de la fiche\u00a0:']),
          historyList(volunteer.history),
        ]),
      )
    : [];
  let key = newKey();
  return h('section', { 'aria-labelledby': 'volontaires-titre' }, [
    h('h2', { id: 'volontaires-titre' }, ['Salariés volontaires']),
    h('p', {}, [
      volunteers.length === 0
        ? 'Aucun salarié volontaire n’est encore inscrit pour cette entreprise.'
        : `${plural(volunteers.length, 'salarié volontaire', 'salariés volontaires')}, retirés compris.`,
    ]),
    ...(rows.length > 0
      ? [
          scrollTable(
            'volontaires-tableau',
            `Tableau des salariés volontaires de ${partner.name}`,
            ['Nom', 'Fonction', 'Adresse électronique', 'Compétences', 'Statut'],
            rows,
          ),
        ]
      : []),
    ...edits,
    ...(view.editable && partner.status === 'active'
      ? [
          h('h3', { id: 'nouveau-volontaire-titre' }, ['Ajouter un salarié volontaire']),
          directoryForm({
            id: 'nouveau-volontaire',
            fields: volunteerFields('nouveau-volontaire', view.catalogue),
            submitLabel: 'Ajouter le salarié volontaire',
            send: async (form) => {
              const volunteer = await createVolunteer(readVolunteer(form, partner.id), key);
              key = newKey();
              await refresh(
                `${fullName(volunteer)} est ajouté·e aux salariés volontaires de ${partner.name}.`,
              );
            },
          }),
        ]
      : []),
  ]);
};

const competenceSection = (view: PartnerView) =>
  h('section', { 'aria-labelledby': 'competences-titre' }, [
    h('h2', { id: 'competences-titre' }, ['Compétences offertes']),
    view.competences.length === 0
      ? h('p', {}, ['Cette entreprise n’offre encore aucune compétence du catalogue.'])
      : h(
          'ul',
          {},
          view.competences.map((competence) =>
            h('li', {}, [competence.label, competence.status === 'retired' ? ' (retirée du catalogue)' : '']),
          ),
        ),
    h('p', {}, [
      h('a', { href: `${staffPages.catalogue}${network ? `?reseau=${encodeURIComponent(network)}` : ''}` }, [
        'Ajouter ou modifier une compétence dans le catalogue',
      ]),
    ]),
  ]);

const draw = (view: PartnerView) => {
  const { partner } = view;
  title.textContent = partner.name;
  document.title = `${partner.name} – Alizé`;
  const contact = partner.contact;
  root.replaceChildren(
    facts([
      ['Statut', statusWords[partner.status].partner],
      ['Secteur d’activité', partner.sector],
      ['SIRET', readableSiret(partner.siret)],
      [
        'Contact RSE ou RH',
        [
          `${contact.firstName} ${contact.lastName}`,
          contact.role ? `, ${contact.role}` : '',
          h('br'),
          h('a', { href: `mailto:${contact.email}` }, [contact.email]),
          contact.phone ? ` – ${contact.phone}` : '',
        ],
      ],
      ['Venue de la proposition', partner.fromOffer],
    ]),
    ...(view.editable
      ? [
          h('details', { class: 'edit' }, [
            h('summary', {}, ['Modifier la fiche de l’entreprise']),
            directoryForm({
              id: 'fiche-partenaire',
              fields: partnerFields('fiche', partner),
              submitLabel: 'Enregistrer la fiche',
              send: async (form) => {
                await updatePartner(partner.id, { ...readPartner(form), version: partner.version });
                await refresh('La fiche de l’entreprise est enregistrée.');
              },
              onStale,
            }),
          ]),
          partner.status === 'active'
            ? actionButton(
                'Retirer l’entreprise',
                async () => {
                  await setPartnerStatus(partner.id, 'retired', partner.version);
                  await refresh(
                    'L’entreprise est retirée\u00a0: le catalogue public ne la nomme plus, sa fiche et ses salariés volontaires restent.',
                  );
                },
                { secondary: true, onStale },
              )
            : actionButton(
                'Réactiver l’entreprise',
                async () => {
                  await setPartnerStatus(partner.id, 'active', partner.version);
                  await refresh('L’entreprise est de nouveau active.');
                },
                { onStale },
              ),
        ]
      : []),
    volunteerSection(view),
    competenceSection(view),
    h('section', { 'aria-labelledby': 'historique-titre' }, [
      h('h2', { id: 'historique-titre' }, ['Historique de la fiche']),
      historyList(partner.history),
    ]),
  );
  root.hidden = false;
};

void loadPage(load, draw);
