import { parisDateTime } from '../../../../shared/dates.ts';
import type { SuppressionView } from '../../../../shared/staff-api.ts';
import { byId, h, plural } from '../../lib/dom.ts';
import { liftSuppression, listSuppressions } from '../../lib/staff/api.ts';
import { failureBox, scrollTable, showFailure } from '../../lib/staff/markup.ts';
import { busy, loadPage, messageOf } from '../../lib/staff/page-load.ts';

/**
 * The addresses the outbox no longer writes to (a permanent bounce or a complaint reported by SES),
 * newest first, each with a button that lifts its suppression.
 */
const root = byId('adresses-bloquees', HTMLElement);
const announcer = byId('adresses-annonce', HTMLElement);

const row = (suppression: SuppressionView, reload: () => void) => {
  const failure = failureBox();
  const lift = h(
    'button',
    { type: 'button', class: 'secondary', 'aria-label': `Débloquer ${suppression.address}` },
    ['Débloquer'],
  );
  lift.addEventListener(
    'click',
    () =>
      void busy(lift, async () => {
        showFailure(failure, undefined);
        try {
          await liftSuppression(suppression.key, suppression.version);
          announcer.textContent = `L’adresse ${suppression.address} est débloquée\u00a0: les prochains courriels lui seront envoyés.`;
          reload();
        } catch (error) {
          showFailure(failure, messageOf(error));
        }
      }),
  );
  return h('tr', {}, [
    h('th', { scope: 'row' }, [suppression.address]),
    h('td', {}, [suppression.reasonLabel]),
    h('td', {}, [`le ${parisDateTime(suppression.at)}`]),
    h('td', {}, [lift, failure]),
  ]);
};

const draw = ({ suppressions }: { suppressions: SuppressionView[] }) => {
  const reload = () =>
    void listSuppressions().then(draw, (error: unknown) => {
      announcer.textContent = messageOf(error);
    });
  root.replaceChildren(
    h('p', { class: 'summary-line' }, [
      suppressions.length === 0
        ? 'Aucune adresse bloquée.'
        : `${plural(suppressions.length, 'adresse bloquée', 'adresses bloquées')}, la plus récente d’abord.`,
    ]),
    ...(suppressions.length === 0
      ? []
      : [
          scrollTable(
            'adresses-bloquees-legende',
            'Adresses bloquées',
            ['Adresse', 'Raison', 'Depuis', 'Action'],
            suppressions.map((suppression) => row(suppression, reload)),
          ),
        ]),
  );
};

void loadPage(listSuppressions, draw);
