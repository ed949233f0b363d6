import { and, eq } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { campaignMessages, campaigns } from '#core/db/schema';
import { InvalidInputError, issue, notFound } from '#core/shared/errors';

export type MessageKind = (typeof campaignMessages.$inferSelect)['kind'];

/** A minute of telephone-quality audio is well under this; anything bigger is not a message to play into a call. */
const maxMessageBytes = 8 * 1024 * 1024;

/** The recorded messages a campaign plays into calls: the abandon message, the one left on answering machines. */
export const campaignMessageStore = {
  set(tx: WriteDb, change: { campaignId: string; kind: MessageKind; fileName: string; audio: Buffer; now: number; by: string | null }): void {
    if (!tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, change.campaignId)).get()) throw notFound('Campaign', change.campaignId);
    if (change.audio.length === 0 || change.audio.length > maxMessageBytes) {
      throw new InvalidInputError([issue('uploadId', 'invalid_value', `A recorded message is 1 byte to ${maxMessageBytes} bytes; this file has ${change.audio.length}`)]);
    }
    const values = { fileName: change.fileName, audio: change.audio, updatedAt: change.now, updatedBy: change.by };
    // One row per campaign and kind, replaced in place so that its id stays the same on every workstation.
    tx.insert(campaignMessages)
      .values({ id: `${change.campaignId}:${change.kind}`, campaignId: change.campaignId, kind: change.kind, ...values })
      .onConflictDoUpdate({ target: [campaignMessages.campaignId, campaignMessages.kind], set: values })
      .run();
  },

  remove(tx: WriteDb, campaignId: string, kind: MessageKind): void {
    tx.delete(campaignMessages).where(and(eq(campaignMessages.campaignId, campaignId), eq(campaignMessages.kind, kind))).run();
  },

  audio(db: ReadDb, campaignId: string, kind: MessageKind): Buffer | null {
    return db.select({ audio: campaignMessages.audio }).from(campaignMessages).where(and(eq(campaignMessages.campaignId, campaignId), eq(campaignMessages.kind, kind))).get()?.audio ?? null;
  },

  names(db: ReadDb, campaignId: string): Record<MessageKind, string | null> {
    const rows = db.select({ kind: campaignMessages.kind, fileName: campaignMessages.fileName }).from(campaignMessages).where(eq(campaignMessages.campaignId, campaignId)).all();
    return { abandon: rows.find((r) => r.kind === 'abandon')?.fileName ?? null, machine: rows.find((r) => r.kind === 'machine')?.fileName ?? null };
  },
};
