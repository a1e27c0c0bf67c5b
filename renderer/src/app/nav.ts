/** The sidebar: one entry per thing a user does, in the order of a working day. */
export const NAV_ITEMS = [
  { to: '/', labelKey: 'nav.home', icon: '⌂' },
  { to: '/villages', labelKey: 'nav.villages', icon: '◈' },
  { to: '/surveys', labelKey: 'nav.surveys', icon: '☷' },
  { to: '/activities', labelKey: 'nav.activities', icon: '✎' },
  { to: '/places', labelKey: 'nav.places', icon: '⌖' },
  { to: '/beneficiaries', labelKey: 'nav.beneficiaries', icon: '◎' },
  { to: '/workshops', labelKey: 'nav.workshops', icon: '▦' },
  { to: '/sync', labelKey: 'nav.sync', icon: '⇅' },
  { to: '/settings', labelKey: 'nav.settings', icon: '⚙' },
] as const;
