import { useEffect, useMemo } from 'react';
import type { CallInfo, PhoneShortcutAction } from '#contract';
import type { HeadsetPress } from './headset-link';
import { Headsets } from './headsets';

interface CallsInEar {
  current: CallInfo | undefined;
  ringing: CallInfo[];
  calls: CallInfo[];
  muted: ReadonlySet<string>;
  shortcut: (action: PhoneShortcutAction) => void;
}

/**
 * Headset buttons drive the phone: telephony headsets through WebHID (hook switch, mute, flash, with their
 * lamps and ringer kept in step with the call), and whatever else the system reports as media keys.
 */
export function useHeadsetButtons({ current, ringing, calls, muted, shortcut }: CallsInEar): Headsets {
  const headsets = useMemo(() => new Headsets(typeof navigator !== 'undefined' ? navigator.hid : undefined), []);
  const ringingNow = ringing.length > 0;
  useEffect(() => {
    headsets.handlePresses((press: HeadsetPress) => {
      switch (press) {
        case 'hook-off':
          if (ringingNow) shortcut('answer');
          return;
        case 'hook-on':
          shortcut('hangup');
          return;
        case 'hook-toggle':
          shortcut(current || !ringingNow ? 'hangup' : 'answer');
          return;
        case 'mute':
          shortcut('mute');
          return;
        case 'flash':
          shortcut('hold');
          return;
      }
    });
  }, [headsets, current, ringingNow, shortcut]);
  useEffect(() => {
    void headsets.start();
    return () => headsets.stop();
  }, [headsets]);

  const offHook = current !== undefined;
  const ring = ringingNow && !offHook;
  const mute = current !== undefined && muted.has(current.id);
  const hold = calls.some((c) => c.state === 'held');
  useEffect(() => headsets.show({ offHook, ring, mute, hold }), [headsets, offHook, ring, mute, hold]);

  // Media keys, where the system reports them to the page (Media Session: hang-up and microphone buttons).
  const hasCall = current !== undefined || ringingNow;
  useEffect(() => {
    const session = typeof navigator !== 'undefined' ? navigator.mediaSession : undefined;
    if (!session || !hasCall) return;
    const handlers: [string, () => void][] = [
      ['hangup', () => shortcut('hangup')],
      ['togglemicrophone', () => shortcut('mute')],
      ['play', () => shortcut(ringingNow ? 'answer' : 'hold')],
      ['pause', () => shortcut('hold')],
    ];
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action as MediaSessionAction, handler);
      } catch {
        // This browser does not know the action; its headset button simply does nothing here.
      }
    }
    return () => {
      for (const [action] of handlers) {
        try {
          session.setActionHandler(action as MediaSessionAction, null);
        } catch {
          // Not supported, nothing was set.
        }
      }
    };
  }, [hasCall, ringingNow, shortcut]);

  return headsets;
}
