/**
 * Sidebar icons drawn inline (24×24, stroked with currentColor): bundled with the code, so nothing
 * depends on which symbols a system font happens to have.
 */
const PATHS = {
  home: 'M3 11l9-7 9 7 M5 10v10h14V10 M10 20v-6h4v6',
  dashboard: 'M4 20V10 M10 20V4 M16 20v-7 M22 20H2',
  villages: 'M2 20h20 M4 20v-8l5-4 5 4v8 M14 20v-6l4-3 4 3v6 M8 20v-4h2v4',
  surveys: 'M8 4h8v3H8z M6 5H4v16h16V5h-2 M8 12h8 M8 16h5',
  activities: 'M4 20h4L19 9l-4-4L4 16z M13 7l4 4',
  places: 'M12 21s-7-7-7-12a7 7 0 0114 0c0 5-7 12-7 12z M12 11.5a2.5 2.5 0 100-5 2.5 2.5 0 000 5z',
  people: 'M9 11a3.5 3.5 0 100-7 3.5 3.5 0 000 7z M2.5 20c.5-4 3-6 6.5-6s6 2 6.5 6 M16 4.5a3.5 3.5 0 010 6.5 M18 14c2 .7 3.2 2.7 3.5 6',
  workshops: 'M3 4h18v11H3z M8 21l4-6 4 6 M7 8h6 M7 11h4',
  sync: 'M4 9h13l-3-3 M20 15H7l3 3',
  team: 'M7 10a3 3 0 100-6 3 3 0 000 6z M17 10a3 3 0 100-6 3 3 0 000 6z M2 20c.4-3.5 2.3-5.5 5-5.5s4.6 2 5 5.5 M12 20c.4-3.5 2.3-5.5 5-5.5s4.6 2 5 5.5',
  exports: 'M6 3h9l5 5v13H6z M14 3v6h6 M9 13h7 M9 17h7 M9 9h3',
  settings: 'M12 15a3 3 0 100-6 3 3 0 000 6z M12 2v3 M12 19v3 M2 12h3 M19 12h3 M4.9 4.9l2.1 2.1 M17 17l2.1 2.1 M4.9 19.1L7 17 M17 7l2.1-2.1',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 22 }: { name: IconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8}
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
