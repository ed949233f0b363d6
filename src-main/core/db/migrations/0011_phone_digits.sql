-- Phones by any run of digits a person heard ("5833" finds +1 (212) 555-5833), for the search box and
-- Ctrl+K (drizzle cannot declare virtual tables or triggers). A trigram index matches any substring of
-- three or more characters. It is derived from the phone rows and local to this machine (never synced,
-- so its entries carry no ids of their own): contentless with deletes allowed, an entry's rowid is its
-- phone row's rowid, a company phone's negated (as search_index does with companies).
-- A readable number is indexed by its E.164 digits (the typed forms with a trunk prefix are found by
-- search_index's prefixes); an unreadable one by its text without the usual separators.
CREATE VIRTUAL TABLE `phone_digits` USING fts5(
  `digits`,
  content = '',
  contentless_delete = 1,
  tokenize = 'trigram'
);
--> statement-breakpoint
CREATE VIEW `contact_phone_digits` AS
  SELECT rowid AS phone, rowid AS entry,
    coalesce(substr(e164, 2), replace(replace(replace(replace(replace(replace(replace(raw, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', ''), '+', '')) AS digits
  FROM contact_phones;
--> statement-breakpoint
CREATE VIEW `company_phone_digits` AS
  SELECT rowid AS phone, -rowid AS entry,
    coalesce(substr(e164, 2), replace(replace(replace(replace(replace(replace(replace(raw, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', ''), '+', '')) AS digits
  FROM company_phones;
--> statement-breakpoint
-- Kept in step by triggers, so every write to a phone (forms, imports, merges, re-reads, erasure and
-- cascades, the demo seed) updates it without each writer having to remember.
CREATE TRIGGER `contact_phones_digits_insert` AFTER INSERT ON `contact_phones` BEGIN
  INSERT INTO phone_digits (rowid, digits) SELECT entry, digits FROM contact_phone_digits WHERE phone = NEW.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `contact_phones_digits_update` AFTER UPDATE OF raw, e164 ON `contact_phones`
  WHEN NEW.raw IS NOT OLD.raw OR NEW.e164 IS NOT OLD.e164 BEGIN
  DELETE FROM phone_digits WHERE rowid = OLD.rowid;
  INSERT INTO phone_digits (rowid, digits) SELECT entry, digits FROM contact_phone_digits WHERE phone = NEW.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `contact_phones_digits_delete` AFTER DELETE ON `contact_phones` BEGIN
  DELETE FROM phone_digits WHERE rowid = OLD.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `company_phones_digits_insert` AFTER INSERT ON `company_phones` BEGIN
  INSERT INTO phone_digits (rowid, digits) SELECT entry, digits FROM company_phone_digits WHERE phone = NEW.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `company_phones_digits_update` AFTER UPDATE OF raw, e164 ON `company_phones`
  WHEN NEW.raw IS NOT OLD.raw OR NEW.e164 IS NOT OLD.e164 BEGIN
  DELETE FROM phone_digits WHERE rowid = -OLD.rowid;
  INSERT INTO phone_digits (rowid, digits) SELECT entry, digits FROM company_phone_digits WHERE phone = NEW.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `company_phones_digits_delete` AFTER DELETE ON `company_phones` BEGIN
  DELETE FROM phone_digits WHERE rowid = -OLD.rowid;
END;
--> statement-breakpoint
-- The phones already stored, in rowid order (FTS5 starts a new segment whenever a rowid comes below the last).
INSERT INTO phone_digits (rowid, digits) SELECT entry, digits FROM company_phone_digits ORDER BY entry;
--> statement-breakpoint
INSERT INTO phone_digits (rowid, digits) SELECT entry, digits FROM contact_phone_digits ORDER BY entry;
