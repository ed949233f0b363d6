import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeadsetLink, type HeadsetPress, type HidDeviceLike } from '#renderer/features/phone/headset/headset-link';
import { headsetUsages, hidUsage, readBits, reportLayout, writeBits, type CollectionInfo } from '#renderer/features/phone/headset/hid-report-layout';

const bit = (usage: number, isAbsolute = true) => ({ usages: [usage], reportSize: 1, reportCount: 1, isAbsolute });
const padding = (bits: number) => ({ isConstant: true, reportSize: 1, reportCount: bits });

/**
 * A headset described the way WebHID reports a typical USB telephony headset: hook switch (a state),
 * mute and flash (presses) in input report 2 after a volume byte; the lamps in output report 3 after two
 * padding bits; a ringer in output report 4.
 */
const stateHeadset: CollectionInfo[] = [
  {
    usagePage: 0x0b,
    usage: 0x05,
    inputReports: [
      {
        reportId: 2,
        items: [
          { usages: [hidUsage(0x0c, 0xe0)], reportSize: 8, reportCount: 1, isAbsolute: false },
          bit(headsetUsages.hookSwitch),
          bit(headsetUsages.phoneMute, false),
          bit(headsetUsages.flash, false),
          padding(5),
        ],
      },
    ],
    outputReports: [
      { reportId: 3, items: [padding(2), bit(headsetUsages.muteLed), bit(headsetUsages.offHookLed), bit(headsetUsages.ringLed), bit(headsetUsages.holdLed), padding(2)] },
      { reportId: 4, items: [bit(hidUsage(0x0b, 0x9e))] },
    ],
  },
];

/** A headset whose buttons come as an array of pressed usages, and whose hook switch reports presses. */
const arrayHeadset: CollectionInfo[] = [
  {
    usagePage: 0x0b,
    usage: 0x05,
    children: [
      {
        usagePage: 0x0b,
        inputReports: [
          {
            reportId: 1,
            items: [{ isArray: true, isAbsolute: false, usages: [headsetUsages.hookSwitch, headsetUsages.flash, headsetUsages.phoneMute], logicalMinimum: 1, reportSize: 8, reportCount: 2 }],
          },
        ],
        outputReports: [{ reportId: 1, items: [{ isRange: true, usageMinimum: headsetUsages.offHookLed, usageMaximum: headsetUsages.ringLed, reportSize: 1, reportCount: 2 }, padding(6)] }],
      },
    ],
  },
];

type Listener = (event: { reportId: number; data: DataView }) => void;

/** A device driven by the test: it records the reports written to it and delivers the ones we "press". */
class ScriptedDevice implements HidDeviceLike {
  opened = false;
  readonly sent: { reportId: number; bytes: number[] }[] = [];
  private listener: Listener | undefined;
  constructor(
    readonly productName: string,
    readonly collections: CollectionInfo[],
  ) {}
  open() {
    this.opened = true;
    return Promise.resolve();
  }
  close() {
    this.opened = false;
    return Promise.resolve();
  }
  sendReport(reportId: number, data: Uint8Array<ArrayBuffer>) {
    this.sent.push({ reportId, bytes: [...data] });
    return Promise.resolve();
  }
  addEventListener(_type: 'inputreport', listener: Listener) {
    this.listener = listener;
  }
  removeEventListener() {
    this.listener = undefined;
  }
  report(reportId: number, bytes: number[]) {
    this.listener?.({ reportId, data: new DataView(new Uint8Array(bytes).buffer) });
  }
  lastSent(reportId: number) {
    return this.sent.filter((r) => r.reportId === reportId).at(-1)?.bytes;
  }
}

const hookDown = 0b0000_0000;
const hookUp = 0b0000_0001;
const mutePressed = 0b0000_0010;
const flashPressed = 0b0000_0100;

async function opened(collections: CollectionInfo[]) {
  const device = new ScriptedDevice('Test headset', collections);
  const presses: HeadsetPress[] = [];
  const link = new HeadsetLink(device, (press) => presses.push(press), 1000);
  await link.open();
  return { device, presses, link };
}

describe('report layout from the HID descriptor', () => {
  it('places variable fields in order after other items and padding, per report id', () => {
    const layout = reportLayout(stateHeadset);
    expect(layout.inputs.get(headsetUsages.hookSwitch)).toEqual({ kind: 'variable', reportId: 2, bitOffset: 8, bitSize: 1, absolute: true });
    expect(layout.inputs.get(headsetUsages.phoneMute)).toMatchObject({ bitOffset: 9, absolute: false });
    expect(layout.outputs.get(headsetUsages.offHookLed)).toMatchObject({ reportId: 3, bitOffset: 3 });
    expect(layout.outputBytes.get(3)).toBe(1);
  });

  it('reads array fields and usage ranges, in nested collections', () => {
    const layout = reportLayout(arrayHeadset);
    expect(layout.inputs.get(headsetUsages.phoneMute)).toEqual({ kind: 'array', reportId: 1, bitOffset: 0, bitSize: 8, count: 2, value: 3 });
    expect(layout.outputs.get(headsetUsages.ringLed)).toMatchObject({ kind: 'variable', bitOffset: 1 });
  });

  it('packs bit fields least significant bit first, across byte boundaries', () => {
    const bytes = new Uint8Array(2);
    writeBits(bytes, 6, 4, 0b1011);
    expect([...bytes]).toEqual([0b1100_0000, 0b0000_0010]);
    expect(readBits(new DataView(bytes.buffer), 6, 4)).toBe(0b1011);
  });

  it('tells headsets from other HID devices by the hook switch', () => {
    expect(HeadsetLink.isHeadset({ collections: stateHeadset })).toBe(true);
    expect(HeadsetLink.isHeadset({ collections: [{ usagePage: 0x01, usage: 0x06, inputReports: [{ reportId: 1, items: [bit(hidUsage(0x07, 0x04))] }] }] })).toBe(false);
  });
});

describe('a headset whose hook switch reports a state', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('puts all lamps out when opened', async () => {
    const { device } = await opened(stateHeadset);
    expect(device.lastSent(3)).toEqual([0]);
  });

  it('lifting the hook while ringing answers and is acknowledged on the off-hook lamp at once', async () => {
    const { device, presses, link } = await opened(stateHeadset);
    await link.show({ offHook: false, ring: true, mute: false, hold: false });
    expect(device.lastSent(3)).toEqual([0b0001_0000]);

    device.report(2, [0, hookUp]);
    expect(presses).toEqual(['hook-off']);
    expect(device.lastSent(3)).toEqual([0b0001_1000]);

    // The call is answered: the ringer stops, off-hook stays.
    await link.show({ offHook: true, ring: false, mute: false, hold: false });
    expect(device.lastSent(3)).toEqual([0b0000_1000]);
    // A repeated report of the same hook state is no new press.
    device.report(2, [0, hookUp]);
    expect(presses).toEqual(['hook-off']);
  });

  it('a hook press that changed nothing falls back to the call’s state once it settles', async () => {
    const { device, presses } = await opened(stateHeadset);
    device.report(2, [0, hookUp]);
    expect(presses).toEqual(['hook-off']);
    expect(device.lastSent(3)).toEqual([0b0000_1000]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(device.lastSent(3)).toEqual([0]);
  });

  it('putting the hook down during a call hangs up; mute and flash act once per press', async () => {
    const { device, presses, link } = await opened(stateHeadset);
    await link.show({ offHook: true, ring: false, mute: false, hold: false });

    device.report(2, [0, hookUp | mutePressed]);
    device.report(2, [0, hookUp | mutePressed]);
    device.report(2, [0, hookUp]);
    device.report(2, [0, hookUp | flashPressed]);
    device.report(2, [0, hookDown]);
    expect(presses).toEqual(['mute', 'flash', 'hook-on']);
  });

  it('writes each lamp into its own bit and leaves unchanged reports alone', async () => {
    const { device, link } = await opened(stateHeadset);
    const before = device.sent.length;
    await link.show({ offHook: true, ring: false, mute: true, hold: true });
    expect(device.lastSent(3)).toEqual([0b0010_1100]);
    await link.show({ offHook: true, ring: false, mute: true, hold: true });
    expect(device.sent.length).toBe(before + 1);
    expect(device.sent.some((r) => r.reportId === 4)).toBe(false);
  });

  it('puts the lamps out and stops listening when closed', async () => {
    const { device, presses, link } = await opened(stateHeadset);
    await link.show({ offHook: true, ring: false, mute: true, hold: false });
    await link.close();
    expect(device.lastSent(3)).toEqual([0]);
    expect(device.opened).toBe(false);
    device.report(2, [0, hookDown]);
    expect(presses).toEqual([]);
  });
});

describe('a headset that reports button presses as an array', () => {
  it('turns each press of the call button into a toggle, and reads mute from any slot', async () => {
    const { device, presses, link } = await opened(arrayHeadset);
    device.report(1, [1, 0]);
    device.report(1, [0, 0]);
    device.report(1, [0, 3]);
    device.report(1, [3, 1]);
    expect(presses).toEqual(['hook-toggle', 'mute', 'hook-toggle']);

    await link.show({ offHook: true, ring: true, mute: false, hold: false });
    expect(device.lastSent(1)).toEqual([0b11]);
  });
});
