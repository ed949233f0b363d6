CREATE TABLE `calendar_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`employee_id` text,
	`server_url` text NOT NULL,
	`username` text NOT NULL,
	`principal_url` text,
	`home_url` text,
	`extra_calendar_urls` text DEFAULT '[]' NOT NULL,
	`last_sync_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	`deleted_at` integer,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `calendar_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`kind` text NOT NULL,
	`local_ics` text,
	`server_ics` text,
	`server_etag` text,
	`detected_at` integer NOT NULL,
	`resolved_at` integer,
	`resolution` text,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`event_id`) REFERENCES `calendar_events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `calendar_conflicts_event_idx` ON `calendar_conflicts` (`event_id`,`resolved_at`);--> statement-breakpoint
CREATE TABLE `calendar_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`operation` text NOT NULL,
	`revision` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`event_id`) REFERENCES `calendar_events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_outbox_event_idx` ON `calendar_outbox` (`event_id`);--> statement-breakpoint
CREATE INDEX `calendar_outbox_due_idx` ON `calendar_outbox` (`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `calendar_sync_problems` (
	`id` text PRIMARY KEY NOT NULL,
	`calendar_id` text NOT NULL,
	`href` text NOT NULL,
	`etag` text,
	`reason` text NOT NULL,
	`detail` text NOT NULL,
	`seen_at` integer NOT NULL,
	FOREIGN KEY (`calendar_id`) REFERENCES `calendars`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_sync_problems_href_idx` ON `calendar_sync_problems` (`calendar_id`,`href`);--> statement-breakpoint
CREATE TABLE `calendars` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text,
	`url` text,
	`display_name` text NOT NULL,
	`color` text,
	`owner_employee_id` text,
	`owner_username` text,
	`read_only` integer DEFAULT false NOT NULL,
	`components` text DEFAULT 'VEVENT,VTODO' NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`visible` integer DEFAULT true NOT NULL,
	`ctag` text,
	`sync_token` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	`deleted_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `calendar_accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendars_account_url_idx` ON `calendars` (`account_id`,`url`);--> statement-breakpoint
CREATE INDEX `calendars_owner_idx` ON `calendars` (`owner_employee_id`);--> statement-breakpoint
CREATE TABLE `reminder_states` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`occurrence_start` integer NOT NULL,
	`shown_at` integer,
	`snoozed_until` integer,
	`dismissed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `calendar_events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminder_states_occurrence_idx` ON `reminder_states` (`event_id`,`occurrence_start`);--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `calendar_id` text REFERENCES calendars(id);--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `uid` text;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `href` text;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `etag` text;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `ics` text;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `component` text DEFAULT 'VEVENT' NOT NULL;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `kind` text DEFAULT 'event' NOT NULL;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `range_ends_at` integer;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `recurring` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `all_day` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `tzid` text;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `status` text;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `busy` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `company_id` text REFERENCES companies(id);--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `deal_id` text;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `complaint_id` text;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `call_id` text;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `assignee_id` text REFERENCES employees(id);--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `assigned_by_id` text REFERENCES employees(id);--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `assignment_status` text;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `done_at` integer;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `local_revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `updated_by` text;--> statement-breakpoint
ALTER TABLE `calendar_events` ADD `deleted_at` integer;--> statement-breakpoint
CREATE INDEX `calendar_events_owner_idx` ON `calendar_events` (`owner_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `calendar_events_series_idx` ON `calendar_events` (`recurring`,`range_ends_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_events_calendar_uid_idx` ON `calendar_events` (`calendar_id`,`uid`);--> statement-breakpoint
CREATE INDEX `calendar_events_href_idx` ON `calendar_events` (`href`);