-- Reminders already shown stay shown: their state moves to the local reminder table.
INSERT INTO `reminder_states` (`id`, `event_id`, `occurrence_start`, `shown_at`, `updated_at`)
SELECT `id` || ':' || `starts_at`, `id`, `starts_at`, `reminded_at`, `reminded_at` FROM `calendar_events` WHERE `reminded_at` IS NOT NULL;
--> statement-breakpoint
ALTER TABLE `calendar_events` DROP COLUMN `reminded_at`;
--> statement-breakpoint
-- Existing events become single items of their own UID; the dialer's callbacks are recognised by their title.
UPDATE `calendar_events` SET `uid` = `id`, `range_ends_at` = `ends_at`, `updated_by` = `owner_id`,
  `kind` = CASE WHEN `title` LIKE '☎ %' THEN 'callback' ELSE 'event' END;
--> statement-breakpoint
-- One source of truth: planned contacts and meetings still to come move from the interactions into the calendar
-- (same ids); the interactions keep what happened. Their iCalendar text is written at the next start (see calendar/local-calendars).
INSERT INTO `calendar_events` (`id`, `uid`, `kind`, `title`, `starts_at`, `ends_at`, `range_ends_at`, `contact_id`, `company_id`,
  `deal_id`, `complaint_id`, `owner_id`, `done_at`, `created_at`, `updated_at`, `updated_by`)
SELECT `id`, `id`, CASE `kind` WHEN 'meeting' THEN 'meeting' ELSE 'interaction' END,
  CASE WHEN `subject` = '' THEN CASE `kind` WHEN 'meeting' THEN 'Meeting' ELSE 'Planned contact' END ELSE `subject` END,
  `occurred_at`, `occurred_at` + COALESCE(`duration_seconds`, 1800) * 1000, `occurred_at` + COALESCE(`duration_seconds`, 1800) * 1000,
  `contact_id`, `company_id`, `deal_id`, `complaint_id`, `employee_id`, `completed_at`, `created_at`, `created_at`, `employee_id`
FROM `interactions`
WHERE `kind` = 'planned' OR (`kind` = 'meeting' AND `occurred_at` > unixepoch() * 1000);
--> statement-breakpoint
DELETE FROM `interactions` WHERE `id` IN (SELECT `id` FROM `calendar_events`);
