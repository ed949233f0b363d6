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

export type DialogInfoParse = { ok: true; info: DialogInfo } | { ok: false; reason: string };

const dialogStates = new Set(['trying', 'proceeding', 'early', 'confirmed', 'terminated']);

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1] ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`, 'i').exec(tag)?.[1];
}

/**
 * Reads an application/dialog-info+xml body. Namespace prefixes are ignored; a document without
 * its root element, version or state is refused with the reason (the watcher then keeps what it knew).
 */
export function parseDialogInfo(xml: string): DialogInfoParse {
  const body = xml.replace(/<(\/?)[A-Za-z_][\w.-]*:/g, '<$1');
  const root = /<dialog-info\b[^>]*>/i.exec(body)?.[0];
  if (!root) return { ok: false, reason: 'no dialog-info element' };
  const kind = attribute(root, 'state');
  if (kind !== 'full' && kind !== 'partial') return { ok: false, reason: `dialog-info state is ${kind ?? 'missing'}` };
  const version = Number(attribute(root, 'version'));
  if (!Number.isInteger(version) || version < 0) return { ok: false, reason: 'dialog-info version is not a number' };
  const dialogs: DialogEntry[] = [];
  for (const match of body.matchAll(/<dialog(?=[\s>])([^>]*)>([\s\S]*?)<\/dialog>/gi)) {
    const tag = `<dialog${match[1] ?? ''}>`;
    const id = attribute(tag, 'id');
    const state = /<state\b[^>]*>\s*([a-z]+)\s*<\/state>/i.exec(match[2] ?? '')?.[1]?.toLowerCase();
    if (!id || !state || !dialogStates.has(state)) continue;
    const direction = attribute(tag, 'direction');
    dialogs.push({ id, state: state as DialogEntry['state'], direction: direction === 'initiator' || direction === 'recipient' ? direction : null });
  }
  return { ok: true, info: { kind, version, entity: attribute(root, 'entity') ?? '', dialogs } };
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
