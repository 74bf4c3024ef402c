import type { CatalogueResponse } from '../../../../shared/catalogue.ts';
import { groupByCategory } from '../../../../shared/catalogue-groups.ts';
import { ofName } from '../../../../shared/french.ts';
import { frenchSpacing } from '../../../../shared/french-spacing.ts';
import { departementOfPostcode } from '../../../../shared/postcodes.ts';
import type { StaffSession } from '../../../../shared/staff-api.ts';
import { fetchCatalogue } from '../../lib/catalogue-api.ts';
import { departementLabel } from '../../lib/departements.ts';
import { byId, h } from '../../lib/dom.ts';
import { enhanceForm } from '../../lib/forms/enhance-form.ts';
import { dropPastMonths } from '../../lib/forms/month-select.ts';
import type { Outcome } from '../../lib/forms/submit.ts';
import {
  getSession,
  recordApplication,
  StaffApiError,
  type StaffApplicationInput,
} from '../../lib/staff/api.ts';
import { loadPage, messageOf } from '../../lib/staff/page-load.ts';
import { applicationHref } from '../../lib/staff/pages.ts';

/**
 * An application recorded on an SME's behalf (`/espace-equipe/nouvelle-candidature/`): the public
 * form's fields, checked with the same schema, the competences of the staff member's network read
 * from the live catalogue, then the new application's page.
 */
const section = byId('formulaire', HTMLElement);
const form = byId('nouvelle-candidature', HTMLFormElement);
const nationalNote = byId('reserve-aux-reseaux', HTMLElement);
const competences = byId('competences-catalogue', HTMLElement);
const postcode = byId('company-postcode', HTMLInputElement);
const postcodeNote = byId('company-postcode-territoire', HTMLElement);
const fieldsetId = 'project-competences';

const catalogueFailed =
  'Le catalogue des compétences de votre réseau n’a pas pu être chargé. Vérifiez votre connexion, puis réessayez.';

interface Loaded {
  session: StaffSession;
  catalogue?: CatalogueResponse;
}

const load = async (): Promise<Loaded> => {
  const session = await getSession();
  if (session.scope.kind === 'national') return { session };
  try {
    return { session, catalogue: await fetchCatalogue(session.scope.network) };
  } catch {
    throw new StaffApiError(0, 'catalogue', catalogueFailed);
  }
};

const drawCompetences = (catalogue: CatalogueResponse, network: string) => {
  const groups = groupByCategory(
    catalogue.categories,
    catalogue.competences.filter((competence) => competence.network === network),
  );
  if (groups.length === 0) {
    competences.replaceChildren(
      h('p', { class: 'note' }, [
        'Le catalogue de votre réseau ne compte encore aucune compétence\u00a0: ajoutez-en avant d’enregistrer une candidature.',
      ]),
    );
    return;
  }
  competences.replaceChildren(
    ...groups.flatMap((group) => [
      h('h4', {}, [group.label]),
      h(
        'ul',
        { class: 'choices', role: 'list' },
        group.competences.map((competence) => {
          const id = `${fieldsetId}-${competence.id}`;
          return h('li', {}, [
            h('input', { id, name: 'project.competences', type: 'checkbox', value: competence.id }),
            h('label', { for: id }, [frenchSpacing(competence.label)]),
          ]);
        }),
      ),
    ]),
  );
};

/** A postcode outside the network's territory is said at once; the server has the last word. */
const watchPostcode = (catalogue: CatalogueResponse, network: string) => {
  const territory = catalogue.networks.find((candidate) => candidate.id === network);
  if (!territory) return;
  const check = () => {
    const departement = departementOfPostcode(postcode.value.trim());
    postcodeNote.replaceChildren(
      ...(departement && !territory.departements.includes(departement)
        ? [
            h('p', { class: 'hint' }, [
              `Ce code postal, du département ${departementLabel(departement)}, est hors du territoire ${ofName(territory.name)}\u00a0: vérifiez-le.`,
            ]),
          ]
        : []),
    );
  };
  postcode.addEventListener('input', check);
  check();
};

const send = async (values: Record<string, unknown>, idempotencyKey: string): Promise<Outcome> => {
  try {
    // Checked with the shared schema just before, when it could load; the server checks again.
    const accepted = await recordApplication(values as unknown as StaffApplicationInput, idempotencyKey);
    return { kind: 'accepted', reference: accepted.reference, network: accepted.network };
  } catch (error) {
    if (error instanceof StaffApiError && error.status === 400 && error.errors.length > 0) {
      return { kind: 'invalid', errors: error.errors };
    }
    return { kind: 'failed', message: messageOf(error) };
  }
};

const draw = ({ session, catalogue }: Loaded) => {
  if (session.scope.kind === 'national' || !catalogue) {
    nationalNote.hidden = false;
    return;
  }
  drawCompetences(catalogue, session.scope.network);
  watchPostcode(catalogue, session.scope.network);
  dropPastMonths(byId('project-desiredStart', HTMLSelectElement));
  const enhanced = enhanceForm({
    form,
    loadValidator: () => import('../../lib/forms/validators/staff-application.ts'),
    sender: {
      send,
      onAccepted: (accepted) => window.location.assign(applicationHref(accepted.reference)),
    },
  });
  if (!enhanced) {
    // Without crypto.randomUUID (plain HTTP), the form would post without the session: never send it.
    form.addEventListener('submit', (event) => event.preventDefault());
    form.before(
      h('p', { class: 'error' }, ['Ce formulaire ne s’envoie que par une connexion sécurisée (https).']),
    );
  }
  section.hidden = false;
};

void loadPage(load, draw);
