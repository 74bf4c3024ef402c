import { backOfficePath } from '../../../shared/staff.ts';
import { byId } from '../lib/dom.ts';
import { completeSignIn, SignInError, signIn } from '../lib/staff/session.ts';

/** The sign-in callback (`/espace-equipe/connexion/`): the code exchanged, then on to the back office. */
const status = byId('connexion-statut', HTMLElement);
const errorBox = byId('connexion-erreur', HTMLElement);
const errorText = byId('connexion-erreur-texte', HTMLElement);
const restart = byId('connexion-recommencer', HTMLButtonElement);

restart.addEventListener('click', () => {
  restart.disabled = true;
  signIn(backOfficePath).catch(() => {
    restart.disabled = false;
  });
});

completeSignIn()
  .then((returnTo) => location.replace(returnTo))
  .catch((error: unknown) => {
    status.textContent = 'La connexion n’a pas abouti.';
    errorText.textContent =
      error instanceof SignInError ? error.message : 'Une erreur inattendue est survenue. Recommencez.';
    errorBox.hidden = false;
    status.focus();
  });
