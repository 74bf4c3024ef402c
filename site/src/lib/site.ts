/**
 * The layout's view of the site: navigation, accessibility status and the programme's figures come
 * from shared/site.ts, which the functions' answer pages read too.
 */
export {
  accessibilityStatus,
  footerNav,
  footerText,
  keyFigures,
  mainNav,
  missionsClaim,
  type NavItem,
  siteName,
  siteTagline,
} from '../../../shared/site.ts';

/** `/catalogue/` and `/catalogue` are the same page; `/` stays `/`. */
export const isCurrentPage = (href: string, pathname: string): boolean => {
  const trim = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);
  return trim(href) === trim(pathname);
};
