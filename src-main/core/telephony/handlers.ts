import { defineHandlers } from '#core/api/registry';
import type { PhoneStatusHolder } from './phone-status';

export function telephonyHandlers(phone: PhoneStatusHolder) {
  return defineHandlers({
    'phone.status': () => phone.current,
  });
}
