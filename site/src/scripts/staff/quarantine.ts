import { parisDateTime } from '../../../../shared/dates.ts';
import type { HeldSubmissionView, StaffSession } from '../../../../shared/staff-api.ts';
import { byId, h, plural } from '../../lib/dom.ts';
import { deleteHeld, getSession, listQuarantine, releaseHeld, StaffApiError } from '../../lib/staff/api.ts';
import { facts, failureBox, showFailure } from '../../lib/staff/markup.ts';
import { busy, loadPage, messageOf } from '../../lib/staff/page-load.ts';
import { applicationHref } from '../../lib/staff/pages.ts';

/**
 * The submissions held as suspected bots, as they were posted, for staff to judge: release one
 * (it becomes the submission it would have been, mails included) or delete it.
 */
const root = byId('quarantaine', HTMLElement);
const announcer = byId('quarantaine-annonce', HTMLElement);

const formLabels: Record<HeldSubmissionView['form'], string> = {
  application: 'Candidature',
  partnerOffer: 'Proposition d’entreprise partenaire',
  contactMessage: 'Message de contact',
};

/** The posted fields, flattened (`company.name` → its value), text only: nothing of it is trusted. */
const flatten = (value: unknown, prefix = ''): [string, string][] => {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return [[prefix, value.map(String).join(', ')]];
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
      flatten(inner, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [[prefix, String(value)]];
};

const networkName = (session: StaffSession, id: string) =>
  id === 'national'
    ? 'Coordination nationale'
    : (session.networks.find((network) => network.id === id)?.name ?? id);

const card = (session: StaffSession, held: HeldSubmissionView, reload: () => void) => {
  const failure = failureBox();
  const release = h('button', { type: 'button' }, ['C’est une personne\u00a0: enregistrer cet envoi']);
  const remove = h('button', { type: 'button', class: 'secondary' }, ['Supprimer cet envoi']);
  const article = h('article', { class: 'held', 'aria-labelledby': `envoi-${held.reference}` }, [
    h('h3', { id: `envoi-${held.reference}` }, [`${formLabels[held.form]} ${held.reference}`]),
    facts([
      ['Réseau', networkName(session, held.network)],
      ['Reçu', `le ${parisDateTime(held.receivedAt)}`],
      ['Retenu parce que', held.reason],
      ['Effacé automatiquement', `le ${parisDateTime(held.expiresAt)}`],
    ]),
    h('details', {}, [
      h('summary', {}, ['Ce qui a été envoyé']),
      facts(flatten(held.fields).map(([name, value]) => [name, value] as [string, string])),
    ]),
    failure,
    h('p', { class: 'actions' }, [release, ' ', remove]),
  ]);
  release.addEventListener(
    'click',
    () =>
      void busy(release, async () => {
        showFailure(failure, undefined);
        try {
          const accepted = await releaseHeld(held.reference);
          announcer.replaceChildren(
            `L’envoi ${accepted.reference} est enregistré et les courriels sont partis. `,
            held.form === 'application'
              ? h('a', { href: applicationHref(accepted.reference) }, ['Ouvrir la candidature'])
              : '',
          );
          reload();
        } catch (error) {
          const detail =
            error instanceof StaffApiError && error.errors.length > 0
              ? ` ${error.errors.map((problem) => problem.message).join(' ')}`
              : '';
          showFailure(
            failure,
            error instanceof StaffApiError && error.status === 400
              ? `Cet envoi ne passe pas les contrôles du formulaire\u00a0: il ne peut pas être enregistré tel quel.${detail}`
              : messageOf(error),
          );
        }
      }),
  );
  remove.addEventListener(
    'click',
    () =>
      void busy(remove, async () => {
        showFailure(failure, undefined);
        try {
          await deleteHeld(held.reference);
          announcer.textContent = `L’envoi ${held.reference} est supprimé.`;
          reload();
        } catch (error) {
          showFailure(failure, messageOf(error));
        }
      }),
  );
  return article;
};

const load = () => Promise.all([getSession(), listQuarantine()]);

const draw = ([session, { held }]: [StaffSession, { held: HeldSubmissionView[] }]) => {
  const reload = () => void load().then(draw);
  root.replaceChildren(
    h('p', { class: 'summary-line' }, [
      held.length === 0
        ? 'Aucun envoi en quarantaine.'
        : `${plural(held.length, 'envoi', 'envois')} en quarantaine, le plus ancien d’abord.`,
    ]),
    ...held.map((item) => card(session, item, reload)),
  );
};

void loadPage(load, draw);
