import { useState } from 'react';
import type { MethodInput, ScriptDocument } from '#contract';
import { call, useBridge } from '#renderer/api/client';

export type DraftInput = MethodInput<'scripts.save'>;

export interface DocumentDraft<D> {
  draft: D;
  setDraft: (change: (draft: D) => D) => void;
  /** The draft in the editor differs from the one saved. */
  dirty: boolean;
  busy: boolean;
  /** Why the last save or publish failed; null after one succeeds. */
  failure: unknown;
  save: () => Promise<void>;
  /** Saves the draft first when it has changed, then publishes it as a new version. */
  publish: () => Promise<void>;
}

/**
 * The draft a script editor or questionnaire builder edits, with Save draft and Publish. `saved` is the draft
 * value last sent, so "changed" is one comparison of references, whatever the edit.
 */
export function useDocumentDraft<D>(document: ScriptDocument, initial: () => { draft: D; saved: boolean }, toInput: (draft: D) => DraftInput, onDocument: (document: ScriptDocument) => void): DocumentDraft<D> {
  const bridge = useBridge();
  const [start] = useState(initial);
  const [draft, setDraft] = useState<D>(start.draft);
  const [saved, setSaved] = useState<D | null>(start.saved ? start.draft : null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const dirty = saved !== draft;

  const attempt = async (work: () => Promise<ScriptDocument>): Promise<boolean> => {
    setBusy(true);
    try {
      onDocument(await work());
      setFailure(null);
      return true;
    } catch (error) {
      setFailure(error);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const saveDraft = async () => {
    const sent = draft;
    const ok = await attempt(() => call(bridge, 'scripts.save', toInput(sent)));
    if (ok) setSaved(sent);
    return ok;
  };

  const publish = async () => {
    if (dirty && !(await saveDraft())) return;
    if (await attempt(() => call(bridge, 'scripts.publish', { id: document.id }))) return;
    // The refusal is about the draft's problems: reload them so the editor shows what to fix, where it is.
    const reloaded = await call(bridge, 'scripts.get', { id: document.id }).catch(() => null);
    if (reloaded) onDocument(reloaded);
  };

  return { draft, setDraft, dirty, busy, failure, save: async () => void (await saveDraft()), publish };
}
