import { byId } from '../lib/dom.ts';
import { consumeSignedOut, SignInError, signIn, signOut, staffFetch } from '../lib/staff/session.ts';

/**
 * The back office's home (`/espace-equipe/`): who is signed in, from GET /api/staff/me, and a way
 * out. A person without a session is sent to sign in, except right after signing out.
 */
interface StaffSession {
  name: string;
  scope: { kind: 'network'; network: string } | { kind: 'national' };
  networks: { id: string; name: string }[];
}

const status = byId('session-statut', HTMLElement);
const session = byId('session', HTMLElement);
const name = byId('session-nom', HTMLElement);
const perimeter = byId('session-perimetre', HTMLElement);
const signOutButton = byId('session-deconnexion', HTMLButtonElement);
const signedOut = byId('deconnecte', HTMLElement);
const signInButton = byId('deconnecte-connexion', HTMLButtonElement);
const errorBox = byId('session-erreur', HTMLElement);
const errorText = byId('session-erreur-texte', HTMLElement);
const retry = byId('session-reessayer', HTMLButtonElement);

const perimeterOf = (me: StaffSession) =>
  me.scope.kind === 'national'
    ? `Coordination nationale\u00a0: tous les réseaux (${me.networks.map((network) => network.name).join(', ')}).`
    : `Réseau\u00a0: ${me.networks[0]?.name ?? me.scope.network}.`;

const showError = (message: string) => {
  status.textContent = 'L’espace équipe n’a pas pu s’ouvrir.';
  errorText.textContent = message;
  errorBox.hidden = false;
  status.focus();
};

const show = async () => {
  errorBox.hidden = true;
  status.textContent = 'Vérification de votre connexion…';
  const response = await staffFetch('/api/staff/me');
  const body = (await response.json().catch(() => ({}))) as Partial<StaffSession> & { message?: string };
  if (!response.ok) {
    // The API's own French message (an account in no network, for instance), or a general one.
    showError(body.message ?? 'L’espace équipe ne répond pas. Réessayez dans un instant.');
    return;
  }
  const me = body as StaffSession;
  name.textContent = me.name;
  perimeter.textContent = perimeterOf(me);
  status.textContent = 'Vous êtes connecté·e.';
  session.hidden = false;
};

const run = (step: () => Promise<unknown>) =>
  step().catch((error: unknown) =>
    showError(
      error instanceof SignInError
        ? error.message
        : 'L’espace équipe ne répond pas. Réessayez dans un instant.',
    ),
  );

signOutButton.addEventListener('click', () => {
  signOutButton.disabled = true;
  void run(signOut);
});
signInButton.addEventListener('click', () => {
  signInButton.disabled = true;
  void run(() => signIn());
});
retry.addEventListener('click', () => void run(show));

if (consumeSignedOut()) {
  status.textContent = '';
  signedOut.hidden = false;
} else {
  void run(show);
}
