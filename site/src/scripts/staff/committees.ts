import { committeeSchema } from '../../../../shared/application-lifecycle.ts';
import { parisIsoDate } from '../../../../shared/dates.ts';
import type { CommitteeSummary, StaffSession } from '../../../../shared/staff-api.ts';
import { byId, h, plural } from '../../lib/dom.ts';
import { clearErrors, showErrors } from '../../lib/forms/field-error.ts';
import { validatorFor } from '../../lib/forms/validator.ts';
import {
  getSession,
  listCommittees,
  type NewCommittee,
  StaffApiError,
  scheduleCommittee,
} from '../../lib/staff/api.ts';
import { committeeWhen, splitCommittees } from '../../lib/staff/format.ts';
import { scrollTable } from '../../lib/staff/markup.ts';
import { busy, loadPage, messageOf } from '../../lib/staff/page-load.ts';
import { committeeHref } from '../../lib/staff/pages.ts';

/**
 * The committees of the network (`/espace-equipe/comites/[?reseau=…]`): those to come, soonest
 * first, the form to schedule one, and those past. National staff may narrow them to one network;
 * only a network's own staff schedule its committees.
 */
const filters = byId('filtres', HTMLFormElement);
const networkFilter = byId('filtre-reseau', HTMLSelectElement);
const announcement = byId('annonce', HTMLElement);
const upcomingSection = byId('a-venir', HTMLElement);
const upcomingList = byId('a-venir-liste', HTMLElement);
const pastSection = byId('passes', HTMLElement);
const pastList = byId('passes-liste', HTMLElement);
const scheduleSection = byId('programmer', HTMLElement);
const form = byId('nouveau-comite', HTMLFormElement);
const failure = form.querySelector('.form-failure') as HTMLElement;
const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;

const query = new URLSearchParams(window.location.search);
const asked = query.get('reseau') ?? undefined;
const validate = validatorFor(committeeSchema);

let committees: CommitteeSummary[] = [];
let networkName: ((id: string) => string) | undefined;

const agendaText = (count: number) => (count === 0 ? 'vide' : plural(count, 'candidature', 'candidatures'));

const table = (id: string, caption: string, list: CommitteeSummary[]) =>
  scrollTable(
    id,
    caption,
    ['Date', ...(networkName ? ['Réseau'] : []), 'Lieu', 'Ordre du jour', 'Décisions enregistrées'],
    list.map((committee) =>
      h('tr', {}, [
        h('th', { scope: 'row' }, [
          h('a', { href: committeeHref(committee.id) }, [committeeWhen(committee)]),
        ]),
        ...(networkName ? [h('td', {}, [networkName(committee.network)])] : []),
        h('td', {}, [committee.place ?? '']),
        h('td', {}, [agendaText(committee.agendaSize)]),
        h('td', {}, [String(committee.decided)]),
      ]),
    ),
  );

const drawLists = () => {
  const { upcoming, past } = splitCommittees(committees, new Date());
  upcomingList.replaceChildren(
    upcoming.length === 0
      ? h('p', {}, ['Aucun comité à venir n’est programmé.'])
      : table('a-venir-tableau', 'Comités à venir', upcoming),
  );
  pastList.replaceChildren(
    past.length === 0 ? h('p', {}, ['Aucun comité passé.']) : table('passes-tableau', 'Comités passés', past),
  );
  upcomingSection.hidden = false;
  pastSection.hidden = false;
};

const draw = ([session, answer]: [StaffSession, { committees: CommitteeSummary[] }]) => {
  committees = answer.committees;
  if (session.scope.kind === 'national') {
    const names = new Map(session.networks.map(({ id, name }) => [id, name]));
    networkName = (id) => names.get(id) ?? id;
    const options = () => session.networks.map(({ id, name }) => h('option', { value: id }, [name]));
    networkFilter.append(...options());
    networkFilter.value = asked ?? '';
    filters.hidden = false;
  }
  drawLists();
  scheduleSection.hidden = session.scope.kind === 'national';
};

const control = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void busy(button, async () => {
    clearErrors(['date', 'time', 'place'].map(control), failure);
    const value = (name: string) => control(name)?.value.trim() || undefined;
    const committee = {
      date: value('date'),
      time: value('time'),
      place: value('place'),
    };
    const errors = validate(committee);
    if (committee.date && committee.date < parisIsoDate(new Date())) {
      errors.push({ field: 'date', message: 'Cette date est passée\u00a0: choisissez un jour à venir.' });
    }
    if (errors.length > 0) {
      showErrors(errors, control, failure).focus();
      return;
    }
    try {
      const scheduled = await scheduleCommittee(committee as NewCommittee);
      committees = [...committees, scheduled];
      drawLists();
      form.reset();
      announcement.replaceChildren(
        'Comité programmé\u00a0: ',
        h('a', { href: committeeHref(scheduled.id) }, [committeeWhen(scheduled)]),
        '.',
      );
      announcement.focus();
    } catch (error) {
      showErrors(
        error instanceof StaffApiError ? error.errors : [],
        control,
        failure,
        messageOf(error),
      ).focus();
    }
  });
});

// Both at once: only national staff are offered the network filter, so only they send `reseau`.
void loadPage(() => Promise.all([getSession(), listCommittees(asked)]), draw);
