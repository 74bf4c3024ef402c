/**
 * TEMPORARY — replaced at merge by the sign-in branch's session.ts (staff-signin), which signs in
 * through the issuer and refreshes tokens. It exists only so that the back office's pages type-check
 * and build on this branch; it exports the same four functions.
 *
 * Here the bearer token is whatever a developer put in `sessionStorage['alize.staff.token']`.
 */
const tokenKey = 'alize.staff.token';

const token = (): string | null => {
  try {
    return window.sessionStorage.getItem(tokenKey);
  } catch {
    return null;
  }
};

/** The real one sends the browser to the issuer; this one only says where sign-in will be. */
export const signIn = async (returnTo?: string): Promise<void> => {
  console.warn('Connexion non disponible sur cette branche', returnTo);
};

export const completeSignIn = async (): Promise<string> => '/espace-equipe/';

/** Adds the bearer token; the real one refreshes once on a 401, then sends to sign-in. */
export const staffFetch = (path: string, init: RequestInit = {}): Promise<Response> => {
  const headers = new Headers(init.headers);
  const bearer = token();
  if (bearer) headers.set('authorization', `Bearer ${bearer}`);
  return fetch(path, { ...init, headers });
};

export const signOut = async (): Promise<void> => {
  try {
    window.sessionStorage.removeItem(tokenKey);
  } catch {
    // Private browsing may refuse storage: nothing to remove then.
  }
  window.location.assign('/');
};
