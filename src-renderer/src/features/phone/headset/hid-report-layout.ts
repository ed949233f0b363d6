/**
 * Where a telephony headset keeps its buttons and lamps inside its HID reports, worked out from the report
 * descriptor as WebHID describes it (HIDCollectionInfo). Usages are WebHID's extended usages:
 * usage page in the upper 16 bits, usage id in the lower.
 */

export const hidUsage = (page: number, id: number): number => page * 0x10000 + id;

const telephonyPage = 0x0b;
const ledPage = 0x08;

/** The buttons and lamps the workstation uses (USB HID Usage Tables, Telephony Device and LED pages). */
export const headsetUsages = {
  hookSwitch: hidUsage(telephonyPage, 0x20),
  flash: hidUsage(telephonyPage, 0x21),
  phoneMute: hidUsage(telephonyPage, 0x2f),
  muteLed: hidUsage(ledPage, 0x09),
  offHookLed: hidUsage(ledPage, 0x17),
  ringLed: hidUsage(ledPage, 0x18),
  holdLed: hidUsage(ledPage, 0x20),
} as const;

export const telephonyUsagePage = telephonyPage;

/** The part of WebHID's report description we read (a structural subset, so tests can describe a device). */
export interface ReportItemInfo {
  isAbsolute?: boolean;
  isArray?: boolean;
  isConstant?: boolean;
  isRange?: boolean;
  usages?: number[];
  usageMinimum?: number;
  usageMaximum?: number;
  reportSize?: number;
  reportCount?: number;
  logicalMinimum?: number;
}
export interface ReportInfo {
  reportId?: number;
  items?: ReportItemInfo[];
}
export interface CollectionInfo {
  usagePage?: number;
  usage?: number;
  children?: CollectionInfo[];
  inputReports?: ReportInfo[];
  outputReports?: ReportInfo[];
}

/** One usage's place in a report: a variable field of its own, or a slot value of an array field. */
export type UsageField =
  | { kind: 'variable'; reportId: number; bitOffset: number; bitSize: number; absolute: boolean }
  | { kind: 'array'; reportId: number; bitOffset: number; bitSize: number; count: number; value: number };

export interface ReportLayout {
  inputs: ReadonlyMap<number, UsageField>;
  outputs: ReadonlyMap<number, UsageField>;
  /** Byte length of each output report (without its report id), so a whole report can be written. */
  outputBytes: ReadonlyMap<number, number>;
}

export function reportLayout(collections: readonly CollectionInfo[]): ReportLayout {
  const inputs = new Map<number, UsageField>();
  const outputs = new Map<number, UsageField>();
  const outputBytes = new Map<number, number>();
  const visit = (collection: CollectionInfo) => {
    for (const report of collection.inputReports ?? []) placeFields(report, inputs);
    for (const report of collection.outputReports ?? []) {
      const bits = placeFields(report, outputs);
      const id = report.reportId ?? 0;
      outputBytes.set(id, Math.max(outputBytes.get(id) ?? 0, Math.ceil(bits / 8)));
    }
    for (const child of collection.children ?? []) visit(child);
  };
  for (const collection of collections) visit(collection);
  return { inputs, outputs, outputBytes };
}

/** Lays out one report's items in order (the first item at bit 0, as HID does) and returns its length in bits. */
function placeFields(report: ReportInfo, into: Map<number, UsageField>): number {
  const reportId = report.reportId ?? 0;
  let bitOffset = 0;
  for (const item of report.items ?? []) {
    const bitSize = item.reportSize ?? 0;
    const count = item.reportCount ?? 0;
    if (!item.isConstant) {
      const usages = itemUsages(item);
      if (item.isArray) {
        // An array field's slots hold indexes into its usage list, offset by the logical minimum.
        const base = item.logicalMinimum ?? 0;
        usages.forEach((usage, index) => {
          if (!into.has(usage)) into.set(usage, { kind: 'array', reportId, bitOffset, bitSize, count, value: base + index });
        });
      } else {
        // With fewer usages than fields, the rest repeat the last usage (HID 1.11, 6.2.2.8): only its first field counts.
        for (let slot = 0; slot < Math.min(count, usages.length); slot++) {
          const usage = usages[slot]!;
          if (!into.has(usage)) into.set(usage, { kind: 'variable', reportId, bitOffset: bitOffset + slot * bitSize, bitSize, absolute: item.isAbsolute ?? true });
        }
      }
    }
    bitOffset += bitSize * count;
  }
  return bitOffset;
}

function itemUsages(item: ReportItemInfo): number[] {
  if (item.isRange && item.usageMinimum !== undefined && item.usageMaximum !== undefined) {
    const list: number[] = [];
    for (let usage = item.usageMinimum; usage <= item.usageMaximum; usage++) list.push(usage);
    return list;
  }
  return item.usages ?? [];
}

/** Reads an unsigned little-endian bit field (HID packs fields LSB first). */
export function readBits(data: DataView, bitOffset: number, bitSize: number): number {
  let value = 0;
  for (let bit = 0; bit < bitSize; bit++) {
    const at = bitOffset + bit;
    const byte = at >> 3;
    if (byte >= data.byteLength) break;
    if (data.getUint8(byte) & (1 << (at & 7))) value += 2 ** bit;
  }
  return value;
}

export function writeBits(bytes: Uint8Array, bitOffset: number, bitSize: number, value: number): void {
  for (let bit = 0; bit < bitSize; bit++) {
    const at = bitOffset + bit;
    const byte = at >> 3;
    if (byte >= bytes.length) return;
    const mask = 1 << (at & 7);
    if (Math.floor(value / 2 ** bit) % 2) bytes[byte]! |= mask;
    else bytes[byte]! &= ~mask;
  }
}

/** Whether a usage is on in an input report: its variable field is non-zero, or an array slot names it. */
export function usageOn(field: UsageField, data: DataView): boolean {
  if (field.kind === 'variable') return readBits(data, field.bitOffset, field.bitSize) !== 0;
  for (let slot = 0; slot < field.count; slot++) {
    if (readBits(data, field.bitOffset + slot * field.bitSize, field.bitSize) === field.value) return true;
  }
  return false;
}
