CREATE TABLE `call_consents` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text NOT NULL,
	`purpose` text NOT NULL,
	`source` text NOT NULL,
	`given_at` integer NOT NULL,
	`revoked_at` integer,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `call_consents_contact_idx` ON `call_consents` (`contact_id`,`purpose`);--> statement-breakpoint
CREATE TABLE `campaign_abandon_hours` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`hour` integer NOT NULL,
	`live` integer DEFAULT 0 NOT NULL,
	`abandoned` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_abandon_hours_idx` ON `campaign_abandon_hours` (`campaign_id`,`hour`,`live`,`abandoned`);--> statement-breakpoint
CREATE TABLE `campaign_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`phone` text NOT NULL,
	`operator_id` text,
	`call_id` text,
	`mode` text NOT NULL,
	`state` text NOT NULL,
	`started_at` integer NOT NULL,
	`answered_at` integer,
	`ended_at` integer,
	`outcome` text,
	`disposition_id` text,
	`amd_verdict` text,
	`allowed_because` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entry_id`) REFERENCES `campaign_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`operator_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`call_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `campaign_attempts_phone_idx` ON `campaign_attempts` (`phone`,`started_at`);--> statement-breakpoint
CREATE INDEX `campaign_attempts_contact_idx` ON `campaign_attempts` (`contact_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `campaign_attempts_campaign_idx` ON `campaign_attempts` (`campaign_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `campaign_attempts_entry_idx` ON `campaign_attempts` (`entry_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `campaign_attempts_answered_idx` ON `campaign_attempts` (`campaign_id`,`started_at`,`outcome`,`amd_verdict`,`answered_at`) WHERE "campaign_attempts"."answered_at" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `campaign_dispositions` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`label` text NOT NULL,
	`kind` text NOT NULL,
	`success` integer DEFAULT false NOT NULL,
	`opt_out` integer DEFAULT false NOT NULL,
	`hotkey` text,
	`retry_minutes` integer,
	`position` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	`deleted_at` integer,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_dispositions_campaign_idx` ON `campaign_dispositions` (`campaign_id`,`position`);--> statement-breakpoint
CREATE TABLE `campaign_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`phone` text NOT NULL,
	`operator_id` text,
	`state` text NOT NULL,
	`priority` integer DEFAULT 1 NOT NULL,
	`next_at` integer NOT NULL,
	`callback_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_attempt_at` integer,
	`last_outcome` text,
	`disposition_id` text,
	`last_refusal` text,
	`excluded_reason` text,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`operator_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `campaign_entries_next_idx` ON `campaign_entries` (`campaign_id`,`operator_id`,`state`,`priority`,`next_at`);--> statement-breakpoint
CREATE INDEX `campaign_entries_contact_idx` ON `campaign_entries` (`contact_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_entries_unique` ON `campaign_entries` (`campaign_id`,`contact_id`,`phone`);--> statement-breakpoint
CREATE TABLE `campaign_operators` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	`deleted_at` integer,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_operators_unique` ON `campaign_operators` (`campaign_id`,`employee_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`goal` text DEFAULT '' NOT NULL,
	`purpose` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer,
	`caller_number` text,
	`account_id` text,
	`script_id` text,
	`questionnaire_id` text,
	`mode` text NOT NULL,
	`power_ratio` real DEFAULT 2 NOT NULL,
	`preview_countdown_seconds` integer,
	`ring_timeout_seconds` integer DEFAULT 25 NOT NULL,
	`wrap_up_seconds` integer DEFAULT 30 NOT NULL,
	`profile` text NOT NULL,
	`rules` text DEFAULT '{}' NOT NULL,
	`amd_action` text DEFAULT 'off' NOT NULL,
	`state` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	`deleted_at` integer,
	FOREIGN KEY (`script_id`) REFERENCES `scripts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `scripts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `campaigns_state_idx` ON `campaigns` (`state`,`starts_at`);--> statement-breakpoint
CREATE TABLE `do_not_call_numbers` (
	`id` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`campaign_id` text,
	`source` text NOT NULL,
	`added_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	`deleted_at` integer,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `do_not_call_numbers_phone_idx` ON `do_not_call_numbers` (`phone`,`campaign_id`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `time_zone` text;