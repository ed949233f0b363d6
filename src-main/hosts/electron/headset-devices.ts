import type { Session } from 'electron';
import { isOwnOrigin } from '#hosts/common/app-origin';

/** USB HID usage page of telephony devices (headsets with hook switch, mute and lamps). */
const telephonyUsagePage = 0x0b;

const isTelephonyHeadset = (device: Electron.HIDDevice) => device.collections.some((c) => c.usagePage === telephonyUsagePage);

/**
 * Telephony headsets for the window's WebHID: Electron has no device chooser of its own, so asking for a
 * headset picks the first one plugged in, and headsets stay permitted for our own pages across restarts.
 * Other HID devices (keyboards, security keys) are never offered.
 */
export function allowTelephonyHeadsets(ses: Session): void {
  ses.on('select-hid-device', (event, details, callback) => {
    event.preventDefault();
    callback(details.deviceList.find(isTelephonyHeadset)?.deviceId ?? null);
  });
  ses.setDevicePermissionHandler(
    (details) => details.deviceType === 'hid' && isOwnOrigin(details.origin) && 'collections' in details.device && isTelephonyHeadset(details.device),
  );
}
