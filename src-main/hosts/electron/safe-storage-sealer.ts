import { safeStorage } from 'electron';
import type { Sealer } from '#core/secrets/sealed-file-store';

/** Seals secrets with the OS keychain (Keychain, DPAPI, libsecret/kwallet) through Electron. */
export function safeStorageSealer(): Sealer {
  return {
    get protection() {
      return safeStorage.isEncryptionAvailable()
        ? `OS keychain (${process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform})`
        : 'unavailable';
    },
    seal(plain) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error('The OS keychain is not available, so the password cannot be stored safely');
      }
      return safeStorage.encryptString(plain);
    },
    open(sealed) {
      return safeStorage.decryptString(sealed);
    },
  };
}
