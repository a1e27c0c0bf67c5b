export { KeysProvider, useDeviceKeys } from './KeysProvider';
export { KeysSection } from './KeysSection';
export { osProtection, passphraseProtection, useOsKeychain } from './protection';
