import { byId } from '../../lib/dom.ts';
import { signOut } from '../../lib/staff/session.ts';

/** Every back-office page: the header's « Se déconnecter », shown once there is a script to run it. */
const button = byId('se-deconnecter', HTMLButtonElement);
button.hidden = false;
button.addEventListener('click', () => {
  button.setAttribute('aria-disabled', 'true');
  signOut().catch((error: unknown) => {
    console.error('Déconnexion', error);
    button.removeAttribute('aria-disabled');
  });
});
