import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineDialogs, lineStateOf, parseDialogInfo } from '#core/telephony/line-status';

const doc = (version: number, state: 'full' | 'partial', dialogs: string) =>
  `<?xml version="1.0"?><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${version}" state="${state}" entity="sip:101@pbx">${dialogs}</dialog-info>`;
const dialog = (id: string, state: string, direction = 'recipient') => `<dialog id="${id}" direction="${direction}"><state event="x">${state}</state><remote><identity>sip:a@b</identity></remote></dialog>`;

describe('dialog-info documents (RFC 4235)', () => {
  it('reads the dialogs, their states (any case) and directions', () => {
    const parsed = parseDialogInfo(doc(3, 'full', dialog('a', 'Trying') + dialog('b', 'confirmed', 'initiator')));
    expect(parsed).toEqual({
      ok: true,
      info: { kind: 'full', version: 3, entity: 'sip:101@pbx', dialogs: [{ id: 'a', state: 'trying', direction: 'recipient' }, { id: 'b', state: 'confirmed', direction: 'initiator' }] },
      rejected: [],
    });
  });

  it('reads namespace prefixes, reports entries it leaves out, refuses documents that are not dialog-info', () => {
    const prefixed = `<d:dialog-info xmlns:d="urn:ietf:params:xml:ns:dialog-info" version="1" state="partial"><d:dialog id="x"><d:state>early</d:state></d:dialog><d:dialog id="y"><d:state>dancing</d:state></d:dialog><d:dialog><d:state>early</d:state></d:dialog></d:dialog-info>`;
    expect(parseDialogInfo(prefixed)).toMatchObject({
      ok: true,
      info: { kind: 'partial', dialogs: [{ id: 'x', state: 'early', direction: null }] },
      rejected: [
        { index: 1, id: 'y', reason: 'dialog state "dancing" is not one of RFC 4235\'s' },
        { index: 2, id: null, reason: 'a dialog without an id' },
      ],
    });
    expect(parseDialogInfo('<dialog-info version="1" state="full"><dialog id="a"><state>early</state></dialog')).toMatchObject({ ok: false });
    expect(parseDialogInfo('<presence/>')).toEqual({ ok: false, reason: 'no dialog-info element' });
    expect(parseDialogInfo('<dialog-info version="1" state="weird"/>')).toEqual({ ok: false, reason: 'dialog-info state is weird' });
    expect(parseDialogInfo('<dialog-info state="full"/>')).toEqual({ ok: false, reason: 'dialog-info version is not a number' });
  });

  it('calls a line busy when talking or dialling out, ringing when a call comes in, idle otherwise', () => {
    expect(lineStateOf([])).toBe('idle');
    expect(lineStateOf([{ id: 'a', state: 'terminated', direction: 'recipient' }])).toBe('idle');
    expect(lineStateOf([{ id: 'a', state: 'early', direction: 'recipient' }])).toBe('ringing');
    expect(lineStateOf([{ id: 'a', state: 'trying', direction: 'initiator' }])).toBe('busy');
    expect(lineStateOf([{ id: 'a', state: 'early', direction: 'recipient' }, { id: 'b', state: 'confirmed', direction: 'initiator' }])).toBe('busy');
  });

  it('follows full and partial notifications, and notices a gap in the versions', () => {
    const line = new LineDialogs();
    const read = (xml: string) => {
      const parsed = parseDialogInfo(xml);
      if (!parsed.ok) throw new Error(parsed.reason);
      return line.apply(parsed.info);
    };
    expect(read(doc(0, 'full', ''))).toBe(true);
    expect(line.state).toBe('idle');
    expect(read(doc(1, 'partial', dialog('a', 'early')))).toBe(true);
    expect(line.state).toBe('ringing');
    expect(read(doc(2, 'partial', dialog('a', 'confirmed')))).toBe(true);
    expect(line.state).toBe('busy');
    expect(read(doc(5, 'partial', dialog('a', 'terminated')))).toBe(false);
    expect(read(doc(6, 'full', ''))).toBe(true);
    expect(line.state).toBe('idle');
  });

  it('never throws on any body', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string().map((inner) => doc(1, 'full', inner))), (body) => {
        expect(typeof parseDialogInfo(body).ok).toBe('boolean');
      }),
      { numRuns: 2_000 },
    );
  });
});
