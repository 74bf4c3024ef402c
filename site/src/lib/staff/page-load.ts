import { byId } from '../dom.ts';
import { apiMessages, StaffApiError } from './api.ts';

/**
 * Loads a back-office page's data and draws it, with components/staff/PageLoad.astro: « Chargement… »
 * meanwhile, and on failure the API's French message with a retry button.
 */
export const messageOf = (error: unknown): string => {
  if (error instanceof StaffApiError) return error.message;
  console.error(error);
  return apiMessages.server;
};

export const loadPage = <T>(load: () => Promise<T>, draw: (data: T) => void): Promise<void> => {
  const status = byId('page-statut', HTMLElement);
  const failure = byId('page-erreur', HTMLElement);
  const message = byId('page-erreur-message', HTMLElement);
  const retry = byId('page-reessayer', HTMLButtonElement);

  const run = async () => {
    failure.hidden = true;
    status.textContent = 'Chargement…';
    try {
      const data = await load();
      status.textContent = '';
      draw(data);
    } catch (error) {
      status.textContent = '';
      message.textContent = messageOf(error);
      failure.hidden = false;
    }
  };
  retry.addEventListener('click', () => void run());
  return run();
};

/** A button that sends: pressed again while its request runs, it does nothing. */
export const busy = async <T>(button: HTMLButtonElement, work: () => Promise<T>): Promise<T | undefined> => {
  if (button.getAttribute('aria-disabled') === 'true') return undefined;
  button.setAttribute('aria-disabled', 'true');
  try {
    return await work();
  } finally {
    button.removeAttribute('aria-disabled');
  }
};

/**
 * How a directory page tells what happened: a change announced (its live region, focused), or a
 * stale version's refusal shown over the page reloaded as it is now.
 */
export const pageMessages = <T>(load: () => Promise<T>, draw: (data: T) => void) => {
  const announcement = byId('annonce', HTMLElement);
  const alert = byId('alerte', HTMLElement);
  const announce = (message: string) => {
    alert.hidden = true;
    announcement.textContent = message;
    announcement.focus();
  };
  return {
    refresh: async (message: string) => {
      draw(await load());
      announce(message);
    },
    onStale: (error: StaffApiError) => {
      void load().then((data) => {
        draw(data);
        announcement.textContent = '';
        alert.textContent = error.message;
        alert.hidden = false;
        alert.focus();
      });
    },
  };
};
