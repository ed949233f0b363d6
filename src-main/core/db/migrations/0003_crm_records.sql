CREATE TABLE `complaint_causes` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `complaint_events` (
	`id` text PRIMARY KEY NOT NULL,
	`complaint_id` text NOT NULL,
	`at` integer NOT NULL,
	`employee_id` text,
	`kind` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`from_state` text,
	`to_state` text,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `complaint_events_complaint_idx` ON `complaint_events` (`complaint_id`,`at`);--> statement-breakpoint
CREATE TABLE `complaint_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`complaint_id` text NOT NULL,
	`title` text NOT NULL,
	`assignee_id` text,
	`due_at` integer,
	`done_at` integer,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `complaint_steps_complaint_idx` ON `complaint_steps` (`complaint_id`,`position`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`contact_id` text,
	`company_id` text,
	`cause_id` text,
	`subject` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`state` text NOT NULL,
	`responsible_id` text,
	`resolution` text,
	`result` text,
	`registered_at` integer NOT NULL,
	`resolved_at` integer,
	`closed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`cause_id`) REFERENCES `complaint_causes`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`responsible_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_number_unique` ON `complaints` (`number`);--> statement-breakpoint
CREATE INDEX `complaints_contact_idx` ON `complaints` (`contact_id`);--> statement-breakpoint
CREATE INDEX `complaints_company_idx` ON `complaints` (`company_id`);--> statement-breakpoint
CREATE INDEX `complaints_state_idx` ON `complaints` (`state`);--> statement-breakpoint
CREATE INDEX `complaints_cause_idx` ON `complaints` (`cause_id`,`registered_at`);--> statement-breakpoint
CREATE TABLE `company_phones` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`kind` text NOT NULL,
	`raw` text NOT NULL,
	`e164` text,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `company_phones_company_idx` ON `company_phones` (`company_id`,`position`);--> statement-breakpoint
CREATE INDEX `company_phones_e164_idx` ON `company_phones` (`e164`);--> statement-breakpoint
CREATE TABLE `company_tags` (
	`company_id` text NOT NULL,
	`tag_id` text NOT NULL,
	PRIMARY KEY(`company_id`, `tag_id`),
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `company_tags_tag_idx` ON `company_tags` (`tag_id`,`company_id`);--> statement-breakpoint
CREATE TABLE `contact_addresses` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_addresses_contact_idx` ON `contact_addresses` (`contact_id`,`position`);--> statement-breakpoint
CREATE TABLE `contact_tags` (
	`contact_id` text NOT NULL,
	`tag_id` text NOT NULL,
	PRIMARY KEY(`contact_id`, `tag_id`),
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_tags_tag_idx` ON `contact_tags` (`tag_id`,`contact_id`);--> statement-breakpoint
CREATE TABLE `custom_fields` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `custom_values` (
	`field_id` text NOT NULL,
	`entity_id` text NOT NULL,
	`value` text NOT NULL,
	`number` real,
	PRIMARY KEY(`field_id`, `entity_id`),
	FOREIGN KEY (`field_id`) REFERENCES `custom_fields`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `custom_values_entity_idx` ON `custom_values` (`entity_id`);--> statement-breakpoint
CREATE INDEX `custom_values_value_idx` ON `custom_values` (`field_id`,`value`);--> statement-breakpoint
CREATE INDEX `custom_values_number_idx` ON `custom_values` (`field_id`,`number`);--> statement-breakpoint
CREATE TABLE `interaction_participants` (
	`interaction_id` text NOT NULL,
	`contact_id` text NOT NULL,
	PRIMARY KEY(`interaction_id`, `contact_id`),
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `interaction_participants_contact_idx` ON `interaction_participants` (`contact_id`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`search_name` text NOT NULL,
	`color` text DEFAULT 'gray' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_search_name_idx` ON `tags` (`search_name`);--> statement-breakpoint
CREATE TABLE `deal_stage_history` (
	`id` text PRIMARY KEY NOT NULL,
	`deal_id` text NOT NULL,
	`from_stage_id` text,
	`to_stage_id` text NOT NULL,
	`changed_at` integer NOT NULL,
	`employee_id` text,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `deal_stage_history_deal_idx` ON `deal_stage_history` (`deal_id`,`changed_at`);--> statement-breakpoint
CREATE TABLE `contact_merges` (
	`merged_id` text PRIMARY KEY NOT NULL,
	`kept_id` text NOT NULL,
	`merged_at` integer NOT NULL,
	`employee_id` text,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `erasures` (
	`id` text PRIMARY KEY NOT NULL,
	`erased_at` integer NOT NULL,
	`employee_id` text,
	`reason` text NOT NULL,
	`counts` text NOT NULL,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `imports` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`state` text NOT NULL,
	`rows` integer DEFAULT 0 NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`merged` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`rejections` text DEFAULT '[]' NOT NULL,
	`employee_id` text,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `segments` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `companies_search_name_idx`;--> statement-breakpoint
ALTER TABLE `companies` ADD `tax_id` text;--> statement-breakpoint
ALTER TABLE `companies` ADD `email` text;--> statement-breakpoint
ALTER TABLE `companies` ADD `address` text;--> statement-breakpoint
ALTER TABLE `companies` ADD `notes` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `companies` ADD `source` text;--> statement-breakpoint
ALTER TABLE `companies` ADD `do_not_call` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `companies` ADD `import_id` text;--> statement-breakpoint
CREATE INDEX `companies_import_idx` ON `companies` (`import_id`);--> statement-breakpoint
CREATE INDEX `companies_search_name_idx` ON `companies` (`search_name`,`id`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `source` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `do_not_call` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `no_email` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `import_id` text;--> statement-breakpoint
CREATE INDEX `contacts_responsible_idx` ON `contacts` (`responsible_id`);--> statement-breakpoint
CREATE INDEX `contacts_created_idx` ON `contacts` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `contacts_import_idx` ON `contacts` (`import_id`);--> statement-breakpoint
ALTER TABLE `interactions` ADD `deal_id` text;--> statement-breakpoint
ALTER TABLE `interactions` ADD `complaint_id` text;--> statement-breakpoint
ALTER TABLE `interactions` ADD `completed_at` integer;--> statement-breakpoint
CREATE INDEX `interactions_employee_time_idx` ON `interactions` (`employee_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `interactions_deal_idx` ON `interactions` (`deal_id`);--> statement-breakpoint
CREATE INDEX `interactions_complaint_idx` ON `interactions` (`complaint_id`);--> statement-breakpoint
ALTER TABLE `deals` ADD `notes` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `deals` ADD `closed_at` integer;--> statement-breakpoint
CREATE INDEX `deals_owner_idx` ON `deals` (`owner_id`);