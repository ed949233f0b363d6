import { join } from 'node:path';
import { methodNames, type HostKind, type IceServer, type Language } from '#contract';
import { createDispatcher, type Dispatch } from '#core/api/dispatch';
import { EventBus } from '#core/api/event-bus';
import { combineHandlers, defineHandlers, missingHandlers } from '#core/api/registry';
import { connectCalDav } from '#core/calendar/caldav/caldav-connection';
import { systemZone, type CalendarContext } from '#core/calendar/calendar-context';
import { calendarHandlers } from '#core/calendar/handlers';
import { writeDeps } from '#core/calendar/items/item-store';
import { writeMissingTexts } from '#core/calendar/items/plan-item';
import { CalendarSync } from '#core/calendar/sync/calendar-sync';
import { ReminderScheduler } from '#core/calendar/reminders';
import { makeDatabaseFilesPrivate, makeDataDirPrivate } from '#core/app/private-files';
import { countContacts } from '#core/crm/contacts';
import { keepPhonesRead } from '#core/crm/phone-reread-schedule';
import { crmHandlers } from '#core/crm/handlers';
import { TransferStore } from '#core/crm/transfer/transfer-store';
import { openDatabase, type AppDatabase } from '#core/db/connection';
import { demoHandlers } from '#core/demo/handlers';
import { demoLanguage } from '#core/demo/language';
import { qualityHandlers } from '#core/quality/handlers';
import { reportHandlers } from '#core/reports/handlers';
import { scriptHandlers } from '#core/scripts/handlers';
import type { SecretStore } from '#core/secrets/secret-store';
import { SettingsService } from '#core/settings/settings-service';
import { settingsHandlers } from '#core/settings/handlers';
import { systemClock, type Clock } from '#core/shared/clock';
import { DisposableStore } from '#core/shared/disposable';
import { BugError } from '#core/shared/errors';
import { timeOrderedIds, type IdGenerator } from '#core/shared/ids';
import type { Logger } from '#core/shared/logger';
import { telephonyHandlers } from '#core/telephony/handlers';
import type { MediaPeer } from '#core/telephony/media/media-peer';
import { RendererMediaPeer } from '#core/telephony/media/renderer-media-peer';
import { PhoneService } from '#core/telephony/phone-service';
import { CampaignStore } from '#core/dialer/campaign-store';
import { campaignHandlers } from '#core/dialer/handlers';
import { campaignFileHandlers } from '#core/dialer/files/handlers';
import { dialerPhone, lineRegistered } from '#core/dialer/session/dialer-phone';
import { DialerSessions } from '#core/dialer/session/dialer-sessions';
import { dialerHandlers } from '#core/dialer/session/handlers';
import { NumberZones } from '#core/dialer/numbers/number-zones';
import { BUILT_IN_PROFILE_FILES, loadProfiles } from '#core/dialer/rules/index';
import { RecordingStore } from '#core/telephony/recordings';
import { SipAccountStore } from '#core/telephony/accounts/sip-account-store';
import { jobHandlers } from '#core/workers/handlers';
import { JobJournal } from '#core/workers/job-journal';
import { JobRunner } from '#core/workers/job-runner';
import { markInterruptedImports } from '#core/crm/transfer/import-job';
import { buildDeferredIndexes } from '#core/db/deferred-indexes';
import type { WorkerScript } from '#core/workers/worker-script';

export interface WorkstationOptions {
  dataDir: string;
  /** The database file; `<dataDir>/workstation.sqlite` unless given (benchmarks point it at a prepared one). */
  databaseFile?: string;
  host: HostKind;
  version: string;
  /** The operating system's locale (Electron's app.getLocale(), or Intl's in the browser host). */
  systemLocale: string;
  migrationsFolder: string;
  workerScript: WorkerScript;
  nativeBinding?: string | undefined;
  logger: Logger;
  /** Passwords for SIP and CalDAV accounts; chosen by the host (safeStorage in Electron). */
  secrets: SecretStore;
  clock?: Clock;
  ids?: IdGenerator;
  /** Off in tests that drive the scheduler by hand. */
  startReminders?: boolean;
  /** Off in tests that sync the calendar by hand (calendar.syncNow). */
  startCalendarSync?: boolean;
  /** The zone floating times and all-day dates are read in; default the machine's. */
  timeZone?: string;
  /** Who handles call audio: the window (default) or a MediaPeer of the caller's (tests, headless). */
  media?: MediaPeer;
  /** Keep-alive interval of SIP connections (tests shorten it). */
  sipKeepAliveMs?: number;
  /** Off in tests that do not want a background job re-reading stored numbers at start. */
  rereadPhones?: boolean;
}

/**
 * The whole core, as both hosts (Electron and the browser host) and the tests use it:
 * the database, the services, the API dispatcher and the event bus. Knows nothing of windows or sockets.
 */
export interface Workstation {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly database: AppDatabase;
  readonly jobs: JobRunner;
  readonly settings: SettingsService;
  readonly phone: PhoneService;
  readonly reminders: ReminderScheduler;
  readonly secrets: SecretStore;
  /** Seeds the demo dataset when the workplace is empty; resolves when done (or at once if not empty). Language: see core/demo/language.ts. */
  seedDemoIfEmpty(contacts: number, language?: Language): Promise<boolean>;
  dispose(): Promise<void>;
}

export const databaseFileName = 'workstation.sqlite';

export function createWorkstation(options: WorkstationOptions): Workstation {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? timeOrderedIds(() => clock.now());
  const { logger } = options;
  const store = new DisposableStore();

  makeDataDirPrivate(options.dataDir);
  const file = options.databaseFile ?? join(options.dataDir, databaseFileName);
  const database = openDatabase({ file, migrationsFolder: options.migrationsFolder, nativeBinding: options.nativeBinding });
  makeDatabaseFilesPrivate(file);
  store.defer(() => database.close());

  const events = new EventBus();
  const settings = new SettingsService(database, events, logger, options.systemLocale);
  const crm = { database, clock, ids, settings: () => settings.get() };
  const accounts = new SipAccountStore(database, options.secrets, ids, clock);
  const rendererMedia: RendererMediaPeer | null = options.media
    ? null
    : new RendererMediaPeer({ ids, emit: (request) => events.emit('media.request', request), iceServers: (): IceServer[] => accounts.allIceServers() });
  const recordings = new RecordingStore(options.dataDir);
  const phone = store.add(
    new PhoneService({ crm, events, accounts, logger, recordings, media: options.media ?? (rendererMedia as RendererMediaPeer), keepAliveMs: options.sipKeepAliveMs }),
  );
  const transfers = new TransferStore(options.dataDir, ids);
  transfers.sweep(clock.now());
  const journal = new JobJournal(database, clock, () => settings.get().currentEmployeeId);
  // Work the last stop cut short (a crash, a kill) is offered again rather than shown as running forever.
  journal.interruptLeftovers();
  markInterruptedImports(database, clock);
  // Indexes an import dropped to build at its end are built now if a crash came first (seconds for a million rows).
  buildDeferredIndexes(database);
  const jobs = store.add(
    new JobRunner({
      script: options.workerScript,
      database: { file, migrationsFolder: options.migrationsFolder, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) },
      ids,
      journal,
      onProgress: (progress) => events.emit('job.progress', progress),
      onQueryProgress: (jobId, kind, progress) => {
        if (kind === 'reports.run') events.emit('report.progress', { jobId, ...progress });
      },
      beforeDone: (job) => {
        // Every export writes into a transfer file named by its params; it becomes downloadable now.
        if ('fileId' in job.params) transfers.completeExport(job.params.fileId);
      },
    }),
  );
  const workstationZone = options.timeZone ?? systemZone();
  const calendar: CalendarContext = {
    ...crm,
    workstationZone: () => workstationZone,
    changed: (source) => {
      events.emit('calendar.changed', { source });
      // A test that syncs by hand (startCalendarSync: false) gets no sync it did not ask for.
      if (source === 'local' && options.startCalendarSync !== false) calendarSync.changedLocally();
      // An item saved or synced with a reminder soon is looked at now, not at the scheduler's next wake-up.
      if (options.startReminders !== false) reminders.tick();
    },
  };
  // Items from before the calendar kept iCalendar text get theirs (once; see migration 0020).
  database.write((tx) => writeMissingTexts(tx, writeDeps(calendar)));
  const calendarSync = store.add(
    new CalendarSync({
      ctx: calendar,
      secrets: options.secrets,
      connect: (credentials, extraCalendarUrls) => connectCalDav(credentials, { extraCalendarUrls }),
      logger,
      progress: (progress) => events.emit('sync.progress', progress),
      setTimer: (fn, ms) => {
        const timer = setTimeout(fn, ms);
        timer.unref();
        return () => clearTimeout(timer);
      },
    }),
  );
  const reminders = store.add(new ReminderScheduler({ ctx: calendar, notify: (reminder) => events.emit('reminder.due', reminder) }));

  const profiles = loadProfiles(BUILT_IN_PROFILE_FILES);
  for (const rejected of profiles.rejected) logger.error('Calling-rules profile refused', { ...rejected });
  const campaigns = new CampaignStore(crm, () => profiles.accepted);
  const numberZones = new NumberZones();
  const dialer = store.add(
    new DialerSessions({
      ctx: crm,
      zones: numberZones,
      store: campaigns,
      profiles: () => profiles.accepted,
      phone: dialerPhone(phone),
      registered: (accountId) => lineRegistered(phone.status.current, accountId),
      onPhoneStatus: (listener) => events.on('phone.status', listener),
      events,
      logger,
      setTimer: (fn, ms) => {
        const timer = setTimeout(fn, ms);
        return () => clearTimeout(timer);
      },
      setInterval: (fn, ms) => {
        const timer = setInterval(fn, ms);
        timer.unref();
        return () => clearInterval(timer);
      },
    }),
  );

  const languageOfDemo = () => demoLanguage(settings.get().language, options.systemLocale);
  const handlers = combineHandlers(
    defineHandlers({
      'app.info': () => ({
        version: options.version,
        host: options.host,
        dataDir: options.dataDir,
        systemLocale: options.systemLocale,
        contactCount: countContacts(database.read),
      }),
    }),
    settingsHandlers(settings),
    crmHandlers({ ctx: crm, jobs, transfers, logger, removeRecordings: (files) => recordings.remove(files) }),
    calendarHandlers({ ctx: calendar, sync: calendarSync, secrets: options.secrets, connect: (credentials, extraCalendarUrls) => connectCalDav(credentials, { extraCalendarUrls }) }),
    reportHandlers({ jobs, transfers, logger, clock, read: database.read, zone: () => workstationZone }),
    qualityHandlers(crm),
    jobHandlers(jobs, journal),
    demoHandlers(database, jobs, clock, languageOfDemo),
    telephonyHandlers(crm, phone, rendererMedia, recordings),
    scriptHandlers({ ctx: crm, transfers, interactionOfCall: (callId) => phone.registry.interactionIdOf(callId) ?? callId }),
    campaignFileHandlers({ ctx: crm, jobs, transfers, logger }),
    campaignHandlers({ ctx: crm, store: campaigns, zones: numberZones, profiles: () => profiles.accepted, transfers, stateChanged: (id, state) => dialer.campaignStateChanged(id, state) }),
    dialerHandlers(dialer),
  );
  const missing = missingHandlers(handlers, methodNames);
  if (missing.length > 0) throw new BugError(`API methods without a handler: ${missing.join(', ')}`);

  if (options.startReminders !== false) reminders.start();
  if (options.startCalendarSync !== false) calendarSync.start();
  if (options.rereadPhones !== false) store.defer(keepPhonesRead({ jobs, journal, events, clock, logger, workingCountries: () => settings.get().workingCountries }));
  phone.start().catch((error: unknown) => logger.error('Phone start failed', { error: String(error) }));

  return {
    dispatch: createDispatcher(handlers, logger),
    events,
    database,
    jobs,
    settings,
    phone,
    reminders,
    secrets: options.secrets,
    async seedDemoIfEmpty(contacts, language) {
      if (countContacts(database.read) > 0) return false;
      await jobs.run({ kind: 'demo.seed', params: { contacts, language: language ?? languageOfDemo(), now: clock.now() } }).finished;
      return true;
    },
    dispose: () => store.dispose(),
  };
}
