CREATE TABLE `campaign_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`audio` blob NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_messages_kind_idx` ON `campaign_messages` (`campaign_id`,`kind`);--> statement-breakpoint
CREATE TABLE `operator_states` (
	`id` text PRIMARY KEY NOT NULL,
	`employee_id` text,
	`campaign_id` text NOT NULL,
	`state` text NOT NULL,
	`reason` text,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `operator_states_employee_idx` ON `operator_states` (`employee_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `operator_states_campaign_idx` ON `operator_states` (`campaign_id`,`started_at`);