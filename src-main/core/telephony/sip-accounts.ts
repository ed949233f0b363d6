import { asc, eq } from 'drizzle-orm';
import { IceServerSchema, type IceServer, type MethodParams, type SipAccount } from '#contract';
import type { AppDatabase } from '#core/db/connection';
import { sipAccounts } from '#core/db/schema';
import type { SecretStore } from '#core/secrets/secret-store';
import type { Clock } from '#core/shared/clock';
import { notFound } from '#core/shared/errors';
import type { IdGenerator } from '#core/shared/ids';
import type { SipAccountConfig } from './sip/sip-account';

const secretName = (accountId: string) => `sip:${accountId}`;

function iceServersOf(json: string): IceServer[] {
  const parsed = IceServerSchema.array().safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

/** SIP accounts: settings in the database, the password in the secret store (safeStorage in the desktop app). */
export class SipAccountStore {
  constructor(
    private readonly database: AppDatabase,
    private readonly secrets: SecretStore,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  list(): SipAccount[] {
    return this.database.read
      .select()
      .from(sipAccounts)
      .orderBy(asc(sipAccounts.createdAt))
      .all()
      .map((row) => ({ ...row, iceServers: iceServersOf(row.iceServers), hasPassword: this.secrets.get(secretName(row.id)) !== undefined }));
  }

  /** Settings plus password, for connecting. */
  config(id: string): SipAccountConfig & { iceServers: IceServer[]; enabled: boolean } {
    const row = this.database.read.select().from(sipAccounts).where(eq(sipAccounts.id, id)).get();
    if (!row) throw notFound('SIP account', id);
    return { ...row, iceServers: iceServersOf(row.iceServers), password: this.secrets.get(secretName(id)) };
  }

  save(input: MethodParams<'phone.saveAccount'>): SipAccount {
    const id = input.id ?? this.ids.next();
    const values = {
      label: input.label,
      wsUrl: input.wsUrl,
      sipUri: input.sipUri,
      authUser: input.authUser,
      displayName: input.displayName,
      iceServers: JSON.stringify(input.iceServers),
      record: input.record,
      consentAnnouncement: input.consentAnnouncement,
      enabled: input.enabled,
    };
    this.database.write((tx) => {
      if (input.id) {
        if (tx.update(sipAccounts).set(values).where(eq(sipAccounts.id, input.id)).run().changes === 0) throw notFound('SIP account', input.id);
      } else {
        tx.insert(sipAccounts).values({ id, ...values, createdAt: this.clock.now() }).run();
      }
    });
    if (input.password === '') this.secrets.delete(secretName(id));
    else if (input.password !== undefined) this.secrets.set(secretName(id), input.password);
    const saved = this.list().find((a) => a.id === id);
    if (!saved) throw notFound('SIP account', id);
    return saved;
  }

  remove(id: string): void {
    this.database.write((tx) => {
      if (tx.delete(sipAccounts).where(eq(sipAccounts.id, id)).run().changes === 0) throw notFound('SIP account', id);
    });
    this.secrets.delete(secretName(id));
  }
}
