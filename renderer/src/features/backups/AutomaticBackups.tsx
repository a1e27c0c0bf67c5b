/** Runs the automatic backups' schedule while the app is open (desktop only; see ./automatic.ts). */
import { useEffect } from 'react';
import { getRelais } from '../../db';
import { platform } from '../../platform';
import { startAutomaticBackups } from './automatic';

export function AutomaticBackups() {
  useEffect(() => startAutomaticBackups({
    relais: getRelais(), shell: platform, app: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev',
  }), []);
  return null;
}
