CREATE TABLE `contact_field_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text NOT NULL,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`source_kind` text NOT NULL,
	`source_id` text NOT NULL,
	`at` integer NOT NULL,
	`by` text,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_field_changes_contact_idx` ON `contact_field_changes` (`contact_id`,`at`);--> statement-breakpoint
CREATE TABLE `questionnaire_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`response_id` text NOT NULL,
	`question_id` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`response_id`) REFERENCES `questionnaire_responses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_answers_question_idx` ON `questionnaire_answers` (`response_id`,`question_id`);--> statement-breakpoint
CREATE TABLE `questionnaire_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`questionnaire_id` text NOT NULL,
	`version_id` text NOT NULL,
	`call_id` text NOT NULL,
	`contact_id` text,
	`campaign_id` text,
	`operator_id` text,
	`started_at` integer NOT NULL,
	`completed_at` integer,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `scripts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `script_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`operator_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questionnaire_responses_call_idx` ON `questionnaire_responses` (`call_id`,`questionnaire_id`);--> statement-breakpoint
CREATE INDEX `questionnaire_responses_questionnaire_idx` ON `questionnaire_responses` (`questionnaire_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `script_run_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`node_id` text,
	`answer_id` text,
	`at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`run_id`) REFERENCES `script_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `script_run_steps_run_idx` ON `script_run_steps` (`run_id`,`position`);--> statement-breakpoint
CREATE TABLE `script_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`script_id` text NOT NULL,
	`version_id` text NOT NULL,
	`call_id` text NOT NULL,
	`contact_id` text,
	`campaign_id` text,
	`operator_id` text,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`disposition_label` text,
	`disposition_success` integer,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`script_id`) REFERENCES `scripts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `script_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`call_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`operator_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `script_runs_call_idx` ON `script_runs` (`call_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `script_runs_script_idx` ON `script_runs` (`script_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `script_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`script_id` text NOT NULL,
	`definition` text NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` text,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`script_id`) REFERENCES `scripts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `script_versions_script_idx` ON `script_versions` (`script_id`,`published_at`,`id`);--> statement-breakpoint
CREATE TABLE `scripts` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`draft` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`deleted_at` integer,
	`updated_at` integer NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `scripts_kind_name_idx` ON `scripts` (`kind`,`name`);--> statement-breakpoint
ALTER TABLE `sip_accounts` ADD `script_id` text;