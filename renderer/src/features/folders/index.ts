export { FolderSettings } from './FolderSettings';
export { FolderStatusCard } from './FolderStatusCard';
export { SyncFoldersRunner } from './SyncFoldersRunner';
