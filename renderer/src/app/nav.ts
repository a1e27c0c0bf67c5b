import type { IconName } from './icons';

/** The sidebar: one entry per thing a user does, in the order of a working day. */
export const NAV_ITEMS: ReadonlyArray<{ to: string; labelKey: string; icon: IconName }> = [
  { to: '/', labelKey: 'nav.home', icon: 'home' },
  { to: '/dashboard', labelKey: 'nav.dashboard', icon: 'dashboard' },
  { to: '/villages', labelKey: 'nav.villages', icon: 'villages' },
  { to: '/surveys', labelKey: 'nav.surveys', icon: 'surveys' },
  { to: '/activities', labelKey: 'nav.activities', icon: 'activities' },
  { to: '/places', labelKey: 'nav.places', icon: 'places' },
  { to: '/beneficiaries', labelKey: 'nav.beneficiaries', icon: 'people' },
  { to: '/workshops', labelKey: 'nav.workshops', icon: 'workshops' },
  { to: '/mediators', labelKey: 'nav.mediators', icon: 'team' },
  { to: '/sync', labelKey: 'nav.sync', icon: 'sync' },
  { to: '/exports', labelKey: 'nav.exports', icon: 'exports' },
  { to: '/settings', labelKey: 'nav.settings', icon: 'settings' },
];
