export { LockGate } from './LockGate';
export { LockSection } from './LockSection';
