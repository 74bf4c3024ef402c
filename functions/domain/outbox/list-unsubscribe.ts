import { oneClickUnsubscribePath, preferencesPagePath } from '../../../shared/mail-preferences.ts';

export interface MailHeader {
  name: string;
  value: string;
}

/** Where a list mail's recipient stops it: the one-click address (POST) and the preferences page. */
export interface UnsubscribeLinks {
  oneClick: string;
  preferences: string;
}

export const unsubscribeLinks = (siteUrl: string, token: string): UnsubscribeLinks => {
  const site = siteUrl.replace(/\/+$/, '');
  const query = `?t=${encodeURIComponent(token)}`;
  return {
    oneClick: `${site}${oneClickUnsubscribePath}${query}`,
    preferences: `${site}${preferencesPagePath}${query}`,
  };
};

/**
 * RFC 2369's `List-Unsubscribe` with RFC 8058's `List-Unsubscribe-Post`: a mail client (Gmail,
 * Outlook, Apple Mail) then offers « Se désabonner » and POSTs `List-Unsubscribe=One-Click` to the
 * address itself, without opening a page. Only an https address qualifies for one-click.
 */
export const listUnsubscribeHeaders = (oneClickUrl: string): MailHeader[] => {
  if (!/^https?:\/\/[^\s<>]+$/.test(oneClickUrl))
    throw new Error('An unsubscribe address must be a plain URL');
  return [
    { name: 'List-Unsubscribe', value: `<${oneClickUrl}>` },
    { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
  ];
};
