import { XMLParser } from 'fast-xml-parser';
import type { LineState } from '#contract';

/** One dialog in a dialog-info document (RFC 4235). */
export interface DialogEntry {
  id: string;
  state: 'trying' | 'proceeding' | 'early' | 'confirmed' | 'terminated';
  direction: 'initiator' | 'recipient' | null;
}

export interface DialogInfo {
  /** "full" replaces what we knew; "partial" updates the dialogs it names. */
  kind: 'full' | 'partial';
  version: number;
  entity: string;
  dialogs: DialogEntry[];
}

/** A dialog entry that could not be read: reported, not skipped silently. */
export interface RejectedDialog {
  index: number;
  id: string | null;
  reason: string;
}

export type DialogInfoParse = { ok: true; info: DialogInfo; rejected: RejectedDialog[] } | { ok: false; reason: string };

const dialogStates = new Set(['trying', 'proceeding', 'early', 'confirmed', 'terminated']);

/** Namespace prefixes dropped (`d:dialog` → `dialog`), attributes kept, arrays where RFC 4235 allows repeats. */
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, isArray: (name) => name === 'dialog', processEntities: true });

const text = (node: unknown): string | undefined => {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node) return String((node as Record<string, unknown>)['#text']);
  return undefined;
};

/**
 * Reads an application/dialog-info+xml body with fast-xml-parser. A document without its root
 * element, version or state is refused with the reason (the watcher then keeps what it knew); a
 * dialog entry without an id or with an unknown state is left out and reported with why.
 */
export function parseDialogInfo(body: string): DialogInfoParse {
  let document: Record<string, unknown>;
  try {
    document = xml.parse(body) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, reason: `not XML: ${error instanceof Error ? error.message : String(error)}` };
  }
  const root = document['dialog-info'] as Record<string, unknown> | undefined;
  if (!root || typeof root !== 'object') return { ok: false, reason: 'no dialog-info element' };
  const kind = root['@state'];
  if (kind !== 'full' && kind !== 'partial') return { ok: false, reason: `dialog-info state is ${typeof kind === 'string' ? kind : 'missing'}` };
  const version = Number(root['@version']);
  if (root['@version'] === undefined || !Number.isInteger(version) || version < 0) return { ok: false, reason: 'dialog-info version is not a number' };
  const dialogs: DialogEntry[] = [];
  const rejected: RejectedDialog[] = [];
  ((root.dialog as Record<string, unknown>[] | undefined) ?? []).forEach((entry, index) => {
    const id = typeof entry['@id'] === 'string' ? entry['@id'] : null;
    const state = text(entry.state)?.trim().toLowerCase();
    if (!id) rejected.push({ index, id, reason: 'a dialog without an id' });
    else if (!state || !dialogStates.has(state)) rejected.push({ index, id, reason: `dialog state ${state ? `"${state}"` : 'missing'} is not one of RFC 4235's` });
    else {
      const direction = entry['@direction'];
      dialogs.push({ id, state: state as DialogEntry['state'], direction: direction === 'initiator' || direction === 'recipient' ? direction : null });
    }
  });
  const entity = root['@entity'];
  return { ok: true, info: { kind, version, entity: typeof entity === 'string' ? entity : '', dialogs }, rejected };
}

/** A line's state from its dialogs: talking is busy, an incoming call not yet answered is ringing. */
export function lineStateOf(dialogs: Iterable<DialogEntry>): LineState {
  let ringing = false;
  for (const dialog of dialogs) {
    if (dialog.state === 'terminated') continue;
    if (dialog.state === 'confirmed') return 'busy';
    if (dialog.direction === 'recipient') ringing = true;
    else return 'busy'; // dialling out
  }
  return ringing ? 'ringing' : 'idle';
}

/** What a watcher knows of one line, updated notification by notification. */
export class LineDialogs {
  private readonly dialogs = new Map<string, DialogEntry>();
  private version = -1;

  /** Applies a notification; false when it was stale or out of order (then a fresh subscription is due). */
  apply(info: DialogInfo): boolean {
    if (info.kind === 'partial' && info.version !== this.version + 1 && this.version >= 0) return false;
    if (info.kind === 'full') this.dialogs.clear();
    for (const dialog of info.dialogs) {
      if (dialog.state === 'terminated') this.dialogs.delete(dialog.id);
      else this.dialogs.set(dialog.id, dialog);
    }
    this.version = info.version;
    return true;
  }

  get state(): LineState {
    return lineStateOf(this.dialogs.values());
  }
}
