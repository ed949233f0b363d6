import { HeadsetLink, type HeadsetIndicators, type HeadsetPress } from './headset-link';
import { telephonyUsagePage } from './hid-report-layout';

/**
 * The USB/Bluetooth-dongle telephony headsets this window may use (WebHID). The operator picks one once in
 * Settings; the browser (or the desktop app) remembers the permission, so it is opened again at every start
 * and whenever it is plugged back in.
 */
export class Headsets {
  private readonly links = new Map<HIDDevice, HeadsetLink>();
  private readonly listeners = new Set<() => void>();
  private indicators: HeadsetIndicators = { offHook: false, ring: false, mute: false, hold: false };
  private readonly onConnect = (event: HIDConnectionEvent) => void this.attach(event.device);
  private readonly onDisconnect = (event: HIDConnectionEvent) => this.detach(event.device, false);

  private onPress: (press: HeadsetPress) => void = () => undefined;

  constructor(private readonly hid: HID | undefined) {}

  /** What a press does depends on the calls at the moment, so the phone hands over a fresh handler as they change. */
  handlePresses(handler: (press: HeadsetPress) => void): void {
    this.onPress = handler;
  }

  /** Whether this window can reach HID devices at all (Chromium and the desktop app can; other browsers cannot). */
  get supported(): boolean {
    return this.hid !== undefined;
  }

  get names(): string[] {
    return [...this.links.values()].map((link) => link.name);
  }

  async start(): Promise<void> {
    if (!this.hid) return;
    this.hid.addEventListener('connect', this.onConnect);
    this.hid.addEventListener('disconnect', this.onDisconnect);
    for (const device of await this.hid.getDevices()) await this.attach(device);
  }

  stop(): void {
    this.hid?.removeEventListener('connect', this.onConnect);
    this.hid?.removeEventListener('disconnect', this.onDisconnect);
    for (const device of [...this.links.keys()]) this.detach(device, true);
  }

  /** Asks the operator to pick a headset (the browser's device chooser); false when none was picked. */
  async choose(): Promise<boolean> {
    if (!this.hid) return false;
    const picked = await this.hid.requestDevice({ filters: [{ usagePage: telephonyUsagePage }] });
    let attached = false;
    for (const device of picked) attached = (await this.attach(device)) || attached;
    return attached;
  }

  /** Closes the headset and drops the permission, so it is not opened at the next start. */
  async forget(name: string): Promise<void> {
    for (const [device, link] of this.links) {
      if (link.name !== name) continue;
      this.detach(device, true);
      await device.forget();
    }
  }

  show(indicators: HeadsetIndicators): void {
    this.indicators = indicators;
    for (const link of this.links.values()) void link.show(indicators).catch(() => undefined);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async attach(device: HIDDevice): Promise<boolean> {
    if (this.links.has(device) || !HeadsetLink.isHeadset(device)) return this.links.has(device);
    const link = new HeadsetLink(device, (press) => this.onPress(press));
    this.links.set(device, link);
    try {
      await link.open();
      await link.show(this.indicators);
    } catch {
      // Another program holds it, or it went away while opening: it is offered again when plugged in.
      this.links.delete(device);
      return false;
    }
    this.changed();
    return true;
  }

  private detach(device: HIDDevice, close: boolean): void {
    const link = this.links.get(device);
    if (!link) return;
    this.links.delete(device);
    if (close) void link.close().catch(() => undefined);
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
