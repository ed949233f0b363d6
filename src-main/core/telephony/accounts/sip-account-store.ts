import { asc, eq } from 'drizzle-orm';
import { IceServerSchema, type IceServer, type MethodParams, type SipAccount } from '#contract';
import type { AppDatabase } from '#core/db/connection';
import { sipAccounts } from '#core/db/schema';
import type { SecretStore } from '#core/secrets/secret-store';
import type { Clock } from '#core/shared/clock';
import { notFound } from '#core/shared/errors';
import type { IdGenerator } from '#core/shared/ids';
import type { SipAccountConfig } from '#core/telephony/sip/sip-account';

const passwordName = (accountId: string) => `sip:${accountId}`;
/** TURN passwords of one account, by server (urls and user name), in one secret. */
const iceCredentialsName = (accountId: string) => `sip-ice:${accountId}`;
const iceKey = (server: { urls: string; username?: string | undefined }) => `${server.urls} ${server.username ?? ''}`;

/** What the database keeps of a STUN/TURN server: never its password. */
type StoredIceServer = Omit<IceServer, 'credential'>;

function parseIceServers(json: string): IceServer[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  const parsed = IceServerSchema.array().safeParse(value);
  return parsed.success ? parsed.data : [];
}

const withoutCredential = ({ credential: _credential, ...server }: IceServer): StoredIceServer => server;

/**
 * SIP accounts: settings in the database; the SIP password and TURN passwords in the secret
 * store (safeStorage in the desktop app). Secrets are write-only from the window's side: the
 * account it reads says only whether each one is set.
 */
export class SipAccountStore {
  constructor(
    private readonly database: AppDatabase,
    private readonly secrets: SecretStore,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {
    this.moveStoredCredentials();
  }

  private iceCredentials(accountId: string): Record<string, string> {
    const json = this.secrets.get(iceCredentialsName(accountId));
    if (!json) return {};
    try {
      return JSON.parse(json) as Record<string, string>;
    } catch {
      return {};
    }
  }

  private setIceCredentials(accountId: string, credentials: Record<string, string>): void {
    if (Object.keys(credentials).length === 0) this.secrets.delete(iceCredentialsName(accountId));
    else this.secrets.set(iceCredentialsName(accountId), JSON.stringify(credentials));
  }

  list(): SipAccount[] {
    return this.database.read
      .select()
      .from(sipAccounts)
      .orderBy(asc(sipAccounts.createdAt))
      .all()
      .map((row) => {
        const credentials = this.iceCredentials(row.id);
        const iceServers = parseIceServers(row.iceServers).map((s) => ({ ...withoutCredential(s), hasCredential: credentials[iceKey(s)] !== undefined }));
        return { ...row, iceServers, hasPassword: this.secrets.get(passwordName(row.id)) !== undefined };
      });
  }

  /** Settings plus passwords, for connecting; never for an API answer. */
  config(id: string): SipAccountConfig & { iceServers: IceServer[]; enabled: boolean } {
    const row = this.database.read.select().from(sipAccounts).where(eq(sipAccounts.id, id)).get();
    if (!row) throw notFound('SIP account', id);
    return { ...row, iceServers: this.iceServersOf(row.id, row.iceServers), password: this.secrets.get(passwordName(id)) };
  }

  /** Every account's STUN/TURN servers with their passwords, for the window's WebRTC peer connections. */
  allIceServers(): IceServer[] {
    return this.database.read
      .select({ id: sipAccounts.id, iceServers: sipAccounts.iceServers })
      .from(sipAccounts)
      .orderBy(asc(sipAccounts.createdAt))
      .all()
      .flatMap((row) => this.iceServersOf(row.id, row.iceServers));
  }

  private iceServersOf(accountId: string, json: string): IceServer[] {
    const credentials = this.iceCredentials(accountId);
    return parseIceServers(json).map((s) => {
      const credential = credentials[iceKey(s)];
      return credential === undefined ? withoutCredential(s) : { ...withoutCredential(s), credential };
    });
  }

  save(input: MethodParams<'phone.saveAccount'>): SipAccount {
    const id = input.id ?? this.ids.next();
    const values = {
      label: input.label,
      wsUrl: input.wsUrl,
      sipUri: input.sipUri,
      authUser: input.authUser,
      displayName: input.displayName,
      iceServers: JSON.stringify(input.iceServers.map(withoutCredential)),
      record: input.record,
      consentAnnouncement: input.consentAnnouncement,
      enabled: input.enabled,
      scriptId: input.scriptId,
    };
    this.database.write((tx) => {
      if (input.id) {
        if (tx.update(sipAccounts).set(values).where(eq(sipAccounts.id, input.id)).run().changes === 0) throw notFound('SIP account', input.id);
      } else {
        tx.insert(sipAccounts).values({ id, ...values, createdAt: this.clock.now() }).run();
      }
    });
    if (input.password === '') this.secrets.delete(passwordName(id));
    else if (input.password !== undefined) this.secrets.set(passwordName(id), input.password);
    // A TURN password left out keeps the stored one for the same server; an empty one removes it.
    const stored = this.iceCredentials(id);
    const next: Record<string, string> = {};
    for (const server of input.iceServers) {
      const key = iceKey(server);
      const credential = server.credential ?? stored[key];
      if (credential) next[key] = credential;
    }
    this.setIceCredentials(id, next);
    const saved = this.list().find((a) => a.id === id);
    if (!saved) throw notFound('SIP account', id);
    return saved;
  }

  remove(id: string): void {
    this.database.write((tx) => {
      if (tx.delete(sipAccounts).where(eq(sipAccounts.id, id)).run().changes === 0) throw notFound('SIP account', id);
    });
    this.secrets.delete(passwordName(id));
    this.secrets.delete(iceCredentialsName(id));
  }

  /**
   * Earlier versions kept TURN passwords in the database: they move to the secret store, and the
   * old text is overwritten on disk (secure_delete) and checkpointed out of the WAL.
   */
  private moveStoredCredentials(): void {
    const rows = this.database.read.select({ id: sipAccounts.id, iceServers: sipAccounts.iceServers }).from(sipAccounts).all();
    const affected = rows.filter((row) => parseIceServers(row.iceServers).some((s) => s.credential !== undefined));
    if (affected.length === 0) return;
    for (const row of affected) {
      const credentials = this.iceCredentials(row.id);
      for (const server of parseIceServers(row.iceServers)) if (server.credential) credentials[iceKey(server)] = server.credential;
      this.setIceCredentials(row.id, credentials);
    }
    const sqlite = this.database.sqlite;
    const previous = sqlite.pragma('secure_delete', { simple: true }) as number;
    sqlite.pragma('secure_delete = ON');
    try {
      this.database.write((tx) => {
        for (const row of affected) tx.update(sipAccounts).set({ iceServers: JSON.stringify(parseIceServers(row.iceServers).map(withoutCredential)) }).where(eq(sipAccounts.id, row.id)).run();
      });
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      sqlite.pragma(`secure_delete = ${previous}`);
    }
  }
}
