-- Full-text search over contacts and companies (drizzle cannot declare virtual tables).
-- Contentless (the text lives in the tables it was made from) with deletes allowed. A contact's
-- entry has the contact's rowid; a company's entry has its rowid negated, so one match finds both.
-- Columns hold text folded in TypeScript (foldForSearch), so Cyrillic and Latin fold alike;
-- phones holds each number in several spellings (international, national, subscriber digits),
-- so a number typed in any format matches by prefix.
CREATE VIRTUAL TABLE `search_index` USING fts5(
  `name`, `company`, `emails`, `phones`,
  content = '',
  contentless_delete = 1,
  tokenize = "unicode61 remove_diacritics 0",
  prefix = '2 3'
);
