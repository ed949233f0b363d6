-- Full-text search over contacts and companies (drizzle cannot declare virtual tables).
-- One row per contact or company; rowid ties the row to its record through search_keys.
-- Columns hold text folded in TypeScript (foldForSearch), so Cyrillic and Latin fold alike.
-- phones holds each number in several spellings (international, national, subscriber digits),
-- so a number typed in any format matches by prefix.
CREATE VIRTUAL TABLE `search_index` USING fts5(
  `name`, `company`, `emails`, `phones`,
  tokenize = "unicode61 remove_diacritics 0",
  prefix = '1 2 3 4'
);
--> statement-breakpoint
CREATE TABLE `search_keys` (
  `rowid` integer PRIMARY KEY,
  `kind` text NOT NULL,
  `entity_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_keys_entity_idx` ON `search_keys` (`entity_id`, `kind`);
