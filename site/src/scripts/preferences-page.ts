import type { MailPreferencesView } from '../../../shared/mail-preferences.ts';
import { byId } from '../lib/dom.ts';
import { linkToken, loadLinkedView, sendLinkedAnswer } from '../lib/signed-link-page.ts';

/**
 * The mail preferences (`/preferences/?t=<token>`): reads which lists the link's person gets, saves
 * their choices. No session: the token is the only credential.
 */
const status = byId('preferences-statut', HTMLElement);
const problem = byId('preferences-probleme', HTMLElement);
const problemMessage = byId('preferences-probleme-message', HTMLElement);
const form = byId('preferences', HTMLFormElement);
const lists = byId('preferences-listes', HTMLUListElement);
const cadence = byId('preferences-frequence', HTMLFieldSetElement);
const thanks = byId('preferences-merci', HTMLElement);
const failure = form.querySelector('.form-failure') as HTMLElement;
const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;

const token = linkToken();
const api = `/api/mail-preferences?t=${encodeURIComponent(token)}`;
const unreadable =
  'Nous n’arrivons pas à afficher vos préférences pour le moment. Réessayez dans quelques minutes.';

const isView = (body: unknown): body is MailPreferencesView =>
  typeof body === 'object' && body !== null && Array.isArray((body as MailPreferencesView).lists);

const fail = (message: string) => {
  status.textContent = '';
  problemMessage.textContent = message;
  problem.hidden = false;
};

const show = (view: MailPreferencesView) => {
  status.textContent = '';
  lists.replaceChildren(
    ...view.lists.map((list) => {
      const item = document.createElement('li');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = `liste-${list.id}`;
      box.name = 'subscribed';
      box.value = list.id;
      box.checked = list.subscribed;
      const label = document.createElement('label');
      label.htmlFor = box.id;
      label.textContent = list.label;
      item.append(box, label);
      return item;
    }),
  );
  cadence.hidden = !view.lists.some((list) => list.id === 'staff-digest');
  const chosen = form.elements.namedItem('staffDigestCadence') as RadioNodeList;
  chosen.value = view.staffDigestCadence;
  form.hidden = false;
};

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (button.getAttribute('aria-disabled') === 'true') return;
  failure.hidden = true;
  thanks.hidden = true;
  const subscribed = [...lists.querySelectorAll<HTMLInputElement>('input[name="subscribed"]')]
    .filter((box) => box.checked)
    .map((box) => box.value);
  const staffDigestCadence =
    (form.elements.namedItem('staffDigestCadence') as RadioNodeList).value || 'daily';
  const answer = await sendLinkedAnswer({
    url: api,
    method: 'PUT',
    body: { subscribed, staffDigestCadence },
    button,
    failure,
    control: () => null,
  });
  if (!isView(answer)) return;
  show(answer);
  const stopped = answer.lists.filter((list) => !list.subscribed).length;
  thanks.textContent =
    stopped === 0
      ? 'C’est enregistré\u00a0: vous recevez tous ces envois.'
      : `C’est enregistré\u00a0: ${stopped === 1 ? 'un envoi est arrêté' : `${stopped}\u00a0envois sont arrêtés`}. Vous pouvez revenir sur ce choix à tout moment depuis ce lien.`;
  thanks.hidden = false;
  thanks.focus();
});

void loadLinkedView({ url: api, isView, status, fail, unreadable }).then((view) => view && show(view));
