import { notifications } from '@mantine/notifications';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CallInfo, MethodInput, MethodName, MethodOutput, PhoneShortcutAction, PhoneStatus, ScreenPop } from '#contract';
import { useTranslation } from 'react-i18next';
import { act } from '#renderer/api/actions';
import { call as invoke, useBridge, useEvent, useQuery } from '#renderer/api/client';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { useErrorText } from '#renderer/ui/useErrorText';
import type { QualitySample } from './media/call-quality';
import { MediaEngine } from './media/media-engine';
import type { Headsets } from './headset/headsets';
import { useHeadsetButtons } from './headset/useHeadsetButtons';
import { Ringtone } from './ringtone';

export interface Phone {
  status: PhoneStatus;
  /** Calls not yet ended, oldest first. */
  calls: CallInfo[];
  /** The call in the operator's ear: the active one, else the one being set up. */
  current: CallInfo | undefined;
  ringing: CallInfo[];
  screenPops: ReadonlyMap<string, ScreenPop>;
  /** Answered calls that ended and wait for the operator's outcome and note. */
  wrapUps: CallInfo[];
  quality: ReadonlyMap<string, QualitySample>;
  muted: ReadonlySet<string>;
  missedCount: number;
  engine: MediaEngine;
  /** Runs a phone method; a failure is shown as a notice and gives undefined. */
  run: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M> | undefined>;
  dial: (target: string, contactId?: string) => Promise<void>;
  /** The account calls are placed through when the operator has several (null: the first registered one). */
  dialAccountId: string | null;
  setDialAccountId: (accountId: string | null) => void;
  toggleMute: (callId: string) => void;
  finishWrapUp: (callId: string) => void;
  /** The call whose transfer dialog is open (opened by a button or the transfer shortcut). */
  transferring: string | null;
  setTransferring: (callId: string | null) => void;
  /** Runs a shortcut's action on the current call. */
  shortcut: (action: PhoneShortcutAction) => void;
  /** Telephony headsets (WebHID) whose buttons work the phone. */
  headsets: Headsets;
}

const PhoneContext = createContext<Phone | null>(null);

export function usePhone(): Phone {
  const phone = useContext(PhoneContext);
  if (!phone) throw new Error('usePhone() outside <PhoneProvider>');
  return phone;
}

const live = (c: CallInfo) => c.state !== 'ended';

/** The softphone as the window sees it: state pushed by main, audio handled here. */
export function PhoneProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge();
  const errorText = useErrorText();
  const { t } = useTranslation();
  const { settings } = useWorkplace();
  const engine = useMemo(() => new MediaEngine(bridge), [bridge]);
  const ringtone = useMemo(() => new Ringtone(), []);
  const initialStatus = useQuery('phone.status', {});
  const [pushedStatus, setPushedStatus] = useState<PhoneStatus | undefined>();
  const [calls, setCalls] = useState<ReadonlyMap<string, CallInfo>>(new Map());
  const [screenPops, setScreenPops] = useState<ReadonlyMap<string, ScreenPop>>(new Map());
  const [wrapUps, setWrapUps] = useState<CallInfo[]>([]);
  const [quality, setQuality] = useState<ReadonlyMap<string, QualitySample>>(new Map());
  const [muted, setMuted] = useState<ReadonlySet<string>>(new Set());
  const [transferring, setTransferring] = useState<string | null>(null);
  const missed = useQuery('calls.missed', {});
  const endedSeen = useRef(new Set<string>());
  const reloadMissed = missed.reload;

  useEffect(() => {
    void engine.start();
    const stopQuality = engine.onQuality((callId, sample) => setQuality((q) => new Map(q).set(callId, sample)));
    return () => {
      stopQuality();
      engine.stop();
    };
  }, [engine]);
  useEffect(() => engine.setDevices({ microphoneId: settings.phone.microphoneId, speakerId: settings.phone.speakerId }), [engine, settings.phone.microphoneId, settings.phone.speakerId]);

  // Calls already going on when the window (re)loads.
  useEffect(() => {
    void invoke(bridge, 'phone.calls', {}).then((list) => setCalls(new Map(list.map((c) => [c.id, c]))));
  }, [bridge]);

  useEvent('phone.status', setPushedStatus);
  useEvent('call.ringing', ({ call, screenPop }) => setScreenPops((pops) => new Map(pops).set(call.id, screenPop)));
  useEvent('call.updated', (call) => {
    setCalls((all) => {
      const next = new Map(all);
      if (call.state === 'ended') next.delete(call.id);
      else next.set(call.id, call);
      return next;
    });
    if (call.state === 'ended') {
      // An ended call is news once (it joins the wrap-ups); later updates (a contact linked) refresh it in place.
      if (!endedSeen.current.has(call.id)) {
        endedSeen.current.add(call.id);
        if (call.answeredAt !== null && call.interactionId) setWrapUps((list) => [...list, call]);
      } else setWrapUps((list) => list.map((c) => (c.id === call.id ? call : c)));
      setScreenPops((pops) => {
        const next = new Map(pops);
        next.delete(call.id);
        return next;
      });
      setQuality((q) => {
        const next = new Map(q);
        next.delete(call.id);
        return next;
      });
      reloadMissed();
    }
  });

  const list = useMemo(() => [...calls.values()].filter(live).sort((a, b) => a.startedAt - b.startedAt), [calls]);
  const ringing = useMemo(() => list.filter((c) => c.state === 'ringing_in'), [list]);
  const current = list.find((c) => c.state === 'active' || c.state === 'holding') ?? list.find((c) => c.direction === 'out' && (c.state === 'dialing' || c.state === 'ringing_out'));

  // A window reloaded while a call rings asks for the screen pop it missed.
  useEffect(() => {
    for (const call of ringing) {
      if (!screenPops.has(call.id)) void invoke(bridge, 'phone.screenPop', { callId: call.id }).then((pop) => setScreenPops((pops) => new Map(pops).set(call.id, pop))).catch(() => undefined);
    }
  }, [bridge, ringing, screenPops]);

  // Calls of a recording account are recorded here once answered and their audio has arrived (checked
  // again with every quality sample, which is also how we learn that audio flows).
  useEffect(() => {
    for (const call of list) {
      if (call.recording && call.state === 'active' && !engine.isRecording(call.id)) void engine.record(call.id, call.recording.announce);
    }
  }, [engine, list, quality]);

  // The window mixes what main joined: the calls marked as one conference.
  const conferenceKey = list
    .filter((c) => c.conference)
    .map((c) => c.id)
    .join(',');
  useEffect(() => void engine.setConference(conferenceKey ? conferenceKey.split(',') : []), [engine, conferenceKey]);

  const status = pushedStatus ?? initialStatus.data ?? { registration: 'no_account' as const };
  const ring = ringing.length > 0 && settings.phone.ringtone && !status.doNotDisturb;
  useEffect(() => {
    if (ring) ringtone.start();
    else ringtone.stop();
    return () => ringtone.stop();
  }, [ring, ringtone]);

  // The OS notification where main does not send one (the browser host): only when the page is hidden.
  const notified = useRef(new Set<string>());
  useEffect(() => {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted' || !document.hidden) return;
    for (const call of ringing) {
      if (notified.current.has(call.id)) continue;
      notified.current.add(call.id);
      new Notification(call.contact?.fullName ?? call.remoteName ?? call.remoteNumber, { body: call.remoteNumber, tag: call.id });
    }
  }, [ringing]);

  const run = useCallback(<M extends MethodName>(method: M, input: MethodInput<M>) => act(bridge, method, input, errorText), [bridge, errorText]);
  const [dialAccountId, setDialAccountId] = useState<string | null>(null);
  const dial = useCallback(
    async (target: string, contactId?: string) => {
      await run('phone.dial', { target, ...(contactId ? { contactId } : {}), ...(dialAccountId ? { accountId: dialAccountId } : {}) });
    },
    [run, dialAccountId],
  );
  const toggleMute = useCallback(
    (callId: string) => {
      const next = !engine.isMuted(callId);
      if (!engine.setMuted(callId, next)) return;
      const affected = list.find((c) => c.id === callId)?.conference ? list.filter((c) => c.conference).map((c) => c.id) : [callId];
      setMuted((set) => {
        const copy = new Set(set);
        for (const id of affected) {
          if (next) copy.add(id);
          else copy.delete(id);
        }
        return copy;
      });
    },
    [engine, list],
  );
  const finishWrapUp = useCallback((callId: string) => setWrapUps((list) => list.filter((c) => c.id !== callId)), []);

  const shortcut = useCallback(
    (action: PhoneShortcutAction) => {
      const first = ringing[0];
      switch (action) {
        case 'answer':
          if (first) void run('phone.answer', { callId: first.id, holdOthers: true });
          return;
        case 'hangup':
          if (current) void run('phone.hangup', { callId: current.id });
          else if (first) void run('phone.reject', { callId: first.id });
          return;
        case 'hold': {
          if (current?.state === 'active') void run('phone.hold', { callId: current.id });
          else {
            const held = list.filter((c) => c.state === 'held').at(-1);
            if (held) void run('phone.resume', { callId: held.id });
          }
          return;
        }
        case 'mute':
          if (current) toggleMute(current.id);
          return;
        case 'transfer':
          if (current) setTransferring(current.id);
          return;
      }
    },
    [current, list, ringing, run, toggleMute],
  );
  useEvent('phone.shortcut', ({ action }) => shortcut(action));

  const headsets = useHeadsetButtons({ current, ringing, calls: list, muted, shortcut });
  useEvent('phone.dialRequest', ({ target }) => void dial(target));
  useEvent('phone.unreadableLink', ({ link, reason }) => notifications.show({ color: 'orange', message: t('phone.unreadableLink', { link, reason: t(`phone.linkReason.${reason}`) }) }));

  const value: Phone = {
    status,
    calls: list,
    current,
    ringing,
    screenPops,
    wrapUps,
    quality,
    muted,
    missedCount: missed.data?.count ?? 0,
    engine,
    run,
    dial,
    dialAccountId,
    setDialAccountId,
    toggleMute,
    finishWrapUp,
    transferring,
    setTransferring,
    shortcut,
    headsets,
  };
  return <PhoneContext.Provider value={value}>{children}</PhoneContext.Provider>;
}
