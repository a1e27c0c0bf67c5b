export { AutomaticBackups } from './AutomaticBackups';
export { BackupsSection } from './BackupsSection';
