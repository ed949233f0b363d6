-- Phone writes reach phone_digits through a queue, written out in one statement by the writer
-- (indexPendingPhones in crm/search-index.ts): FTS5 writes its pending terms out as a new segment at
-- every statement savepoint, so a trigger writing into it from one-row statements (the demo seed, a
-- re-read of every number) cost a segment and its merges per phone. Local to this machine, like the index.
-- An entry is a phone row's rowid (a company phone's negated); stale = 1 when phone_digits holds an
-- entry for it that must go first.
CREATE TABLE `phone_digits_pending` (
  `entry` integer PRIMARY KEY NOT NULL,
  `stale` integer NOT NULL
);
--> statement-breakpoint
DROP TRIGGER `contact_phones_digits_insert`;
--> statement-breakpoint
DROP TRIGGER `contact_phones_digits_update`;
--> statement-breakpoint
DROP TRIGGER `contact_phones_digits_delete`;
--> statement-breakpoint
DROP TRIGGER `company_phones_digits_insert`;
--> statement-breakpoint
DROP TRIGGER `company_phones_digits_update`;
--> statement-breakpoint
DROP TRIGGER `company_phones_digits_delete`;
--> statement-breakpoint
-- A queued entry keeps the flag it has: a new phone in a deleted one's rowid still drops the old entry.
CREATE TRIGGER `contact_phones_digits_insert` AFTER INSERT ON `contact_phones` BEGIN
  INSERT OR IGNORE INTO phone_digits_pending (entry, stale) VALUES (NEW.rowid, 0);
END;
--> statement-breakpoint
CREATE TRIGGER `contact_phones_digits_update` AFTER UPDATE OF raw, e164 ON `contact_phones`
  WHEN NEW.raw IS NOT OLD.raw OR NEW.e164 IS NOT OLD.e164 BEGIN
  INSERT OR IGNORE INTO phone_digits_pending (entry, stale) VALUES (NEW.rowid, 1);
END;
--> statement-breakpoint
CREATE TRIGGER `contact_phones_digits_delete` AFTER DELETE ON `contact_phones` BEGIN
  INSERT OR IGNORE INTO phone_digits_pending (entry, stale) VALUES (OLD.rowid, 1);
END;
--> statement-breakpoint
CREATE TRIGGER `company_phones_digits_insert` AFTER INSERT ON `company_phones` BEGIN
  INSERT OR IGNORE INTO phone_digits_pending (entry, stale) VALUES (-NEW.rowid, 0);
END;
--> statement-breakpoint
CREATE TRIGGER `company_phones_digits_update` AFTER UPDATE OF raw, e164 ON `company_phones`
  WHEN NEW.raw IS NOT OLD.raw OR NEW.e164 IS NOT OLD.e164 BEGIN
  INSERT OR IGNORE INTO phone_digits_pending (entry, stale) VALUES (-NEW.rowid, 1);
END;
--> statement-breakpoint
CREATE TRIGGER `company_phones_digits_delete` AFTER DELETE ON `company_phones` BEGIN
  INSERT OR IGNORE INTO phone_digits_pending (entry, stale) VALUES (-OLD.rowid, 1);
END;
