import { headsetUsages, reportLayout, usageOn, writeBits, type CollectionInfo, type ReportLayout, type UsageField } from './hid-report-layout';

/** What the operator did on the headset, in the workstation's terms. */
export type HeadsetPress =
  /** Lifted the hook (answer a ringing call). */
  | 'hook-off'
  /** Put the hook down (end the call). */
  | 'hook-on'
  /** The call button of a headset that reports presses, not a hook state: answer or end, whichever applies. */
  | 'hook-toggle'
  | 'mute'
  | 'flash';

/** The lamps (and ringer) the workstation drives: they tell the headset what state the call is in. */
export interface HeadsetIndicators {
  offHook: boolean;
  ring: boolean;
  mute: boolean;
  hold: boolean;
}

/** The part of WebHID's HIDDevice a link needs. */
export interface HidDeviceLike {
  readonly productName: string;
  readonly opened: boolean;
  readonly collections: readonly CollectionInfo[];
  open(): Promise<void>;
  close(): Promise<void>;
  sendReport(reportId: number, data: Uint8Array<ArrayBuffer>): Promise<void>;
  addEventListener(type: 'inputreport', listener: (event: { reportId: number; data: DataView }) => void): void;
  removeEventListener(type: 'inputreport', listener: (event: { reportId: number; data: DataView }) => void): void;
}

const idle: HeadsetIndicators = { offHook: false, ring: false, mute: false, hold: false };
const lampOf: Record<keyof HeadsetIndicators, number> = {
  offHook: headsetUsages.offHookLed,
  ring: headsetUsages.ringLed,
  mute: headsetUsages.muteLed,
  hold: headsetUsages.holdLed,
};

/**
 * One telephony headset (USB HID Telephony page): its hook switch, mute and flash buttons become presses,
 * and the call's state is mirrored on its lamps. A headset whose hook switch reports a state (absolute) is
 * read against the state the workstation last told it, as the headsets expect the host to answer every
 * hook change with the off-hook lamp.
 */
export class HeadsetLink {
  private readonly layout: ReportLayout;
  /** What the lamps show now, and what the call's state asks them to show. */
  private shown: HeadsetIndicators = idle;
  private wanted: HeadsetIndicators = idle;
  private settling: ReturnType<typeof setTimeout> | undefined;
  private readonly pressed = new Map<number, boolean>();
  private readonly listener = (event: { reportId: number; data: DataView }) => this.onReport(event.reportId, event.data);

  /**
   * @param settleMs how long a hook change is acknowledged on the lamps before the call's state must have
   *   followed it (answering takes a round trip to the PBX); after that the lamps show the call's state again.
   */
  constructor(
    readonly device: HidDeviceLike,
    private readonly onPress: (press: HeadsetPress) => void,
    private readonly settleMs = 3000,
  ) {
    this.layout = reportLayout(device.collections);
  }

  /** A device is a headset to us when it has a hook switch to read. */
  static isHeadset(device: Pick<HidDeviceLike, 'collections'>): boolean {
    return reportLayout(device.collections).inputs.has(headsetUsages.hookSwitch);
  }

  get name(): string {
    return this.device.productName;
  }

  async open(): Promise<void> {
    if (!this.device.opened) await this.device.open();
    this.device.addEventListener('inputreport', this.listener);
    await this.writeLamps(idle, true);
  }

  async close(): Promise<void> {
    clearTimeout(this.settling);
    this.device.removeEventListener('inputreport', this.listener);
    if (!this.device.opened) return;
    await this.writeLamps(idle, true).catch(() => undefined);
    await this.device.close();
  }

  /** Mirrors the call's state on the lamps; only reports whose content changed are sent. */
  show(indicators: HeadsetIndicators): Promise<void> {
    this.wanted = indicators;
    // While a hook change settles, the hook lamp keeps the acknowledged state; the others follow at once.
    return this.writeLamps(this.settling ? { ...indicators, offHook: this.shown.offHook } : indicators, false);
  }

  private onReport(reportId: number, data: DataView): void {
    const hook = this.field(this.layout.inputs, headsetUsages.hookSwitch, reportId);
    if (hook) {
      const on = usageOn(hook, data);
      if (hook.kind === 'variable' && hook.absolute) {
        if (on !== this.shown.offHook) this.acknowledgeHook(on);
      } else if (this.risingEdge(headsetUsages.hookSwitch, on)) this.onPress('hook-toggle');
    }
    for (const [usage, press] of [
      [headsetUsages.phoneMute, 'mute'],
      [headsetUsages.flash, 'flash'],
    ] as const) {
      const field = this.field(this.layout.inputs, usage, reportId);
      // Buttons act when pressed, not when released or repeated.
      if (field && this.risingEdge(usage, usageOn(field, data))) this.onPress(press);
    }
  }

  /**
   * Headsets expect the host to answer a hook change with the off-hook lamp, or they fall back. The change is
   * acknowledged at once; when it settles the lamps show the call's state, so a press that changed nothing
   * (nothing to answer) leaves the headset where the call is.
   */
  private acknowledgeHook(offHook: boolean): void {
    this.onPress(offHook ? 'hook-off' : 'hook-on');
    void this.writeLamps({ ...this.wanted, offHook }, true).catch(() => undefined);
    clearTimeout(this.settling);
    this.settling = setTimeout(() => {
      this.settling = undefined;
      void this.writeLamps(this.wanted, false).catch(() => undefined);
    }, this.settleMs);
  }

  private field(fields: ReadonlyMap<number, UsageField>, usage: number, reportId: number): UsageField | undefined {
    const field = fields.get(usage);
    return field?.reportId === reportId ? field : undefined;
  }

  private risingEdge(usage: number, on: boolean): boolean {
    const was = this.pressed.get(usage) ?? false;
    this.pressed.set(usage, on);
    return on && !was;
  }

  private async writeLamps(next: HeadsetIndicators, always: boolean): Promise<void> {
    const previous = this.shown;
    this.shown = next;
    const changedReports = new Set<number>();
    for (const key of Object.keys(lampOf) as (keyof HeadsetIndicators)[]) {
      const field = this.layout.outputs.get(lampOf[key]);
      if (field && (always || previous[key] !== next[key])) changedReports.add(field.reportId);
    }
    for (const reportId of changedReports) await this.device.sendReport(reportId, this.outputReport(reportId, next));
  }

  /** A whole output report: every lamp it carries set from the indicators, anything else left zero. */
  private outputReport(reportId: number, indicators: HeadsetIndicators): Uint8Array<ArrayBuffer> {
    const bytes = new Uint8Array(this.layout.outputBytes.get(reportId) ?? 0);
    const slotsUsed = new Map<number, number>();
    for (const key of Object.keys(lampOf) as (keyof HeadsetIndicators)[]) {
      const field = this.layout.outputs.get(lampOf[key]);
      if (!field || field.reportId !== reportId || !indicators[key]) continue;
      if (field.kind === 'variable') writeBits(bytes, field.bitOffset, field.bitSize, 1);
      else {
        const slot = slotsUsed.get(field.bitOffset) ?? 0;
        if (slot >= field.count) continue;
        slotsUsed.set(field.bitOffset, slot + 1);
        writeBits(bytes, field.bitOffset + slot * field.bitSize, field.bitSize, field.value);
      }
    }
    return bytes;
  }
}
