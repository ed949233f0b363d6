CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE TABLE `qa_criteria` (
	`id` text PRIMARY KEY NOT NULL,
	`scorecard_id` text NOT NULL,
	`label` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`weight` real NOT NULL,
	`max_points` integer NOT NULL,
	`position` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	`deleted_at` integer,
	FOREIGN KEY (`scorecard_id`) REFERENCES `qa_scorecards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `qa_criteria_scorecard_idx` ON `qa_criteria` (`scorecard_id`,`position`);--> statement-breakpoint
CREATE TABLE `qa_review_scores` (
	`id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`criterion_id` text NOT NULL,
	`points` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`review_id`) REFERENCES `qa_reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`criterion_id`) REFERENCES `qa_criteria`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `qa_review_scores_unique` ON `qa_review_scores` (`review_id`,`criterion_id`);--> statement-breakpoint
CREATE TABLE `qa_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`call_id` text NOT NULL,
	`scorecard_id` text NOT NULL,
	`operator_id` text,
	`reviewer_id` text,
	`call_started_at` integer NOT NULL,
	`score` real NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`reviewed_at` integer NOT NULL,
	`seen_at` integer,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	`deleted_at` integer,
	FOREIGN KEY (`call_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`scorecard_id`) REFERENCES `qa_scorecards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reviewer_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `qa_reviews_operator_idx` ON `qa_reviews` (`operator_id`,`call_started_at`);--> statement-breakpoint
CREATE INDEX `qa_reviews_call_idx` ON `qa_reviews` (`call_id`);--> statement-breakpoint
CREATE INDEX `qa_reviews_call_time_idx` ON `qa_reviews` (`call_started_at`);--> statement-breakpoint
CREATE TABLE `qa_scorecards` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	`deleted_at` integer
);
--> statement-breakpoint
DROP INDEX `calls_started_idx`;--> statement-breakpoint
ALTER TABLE `calls` ADD `employee_id` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `campaign_id` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `talk_seconds` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `calls` ADD `hold_seconds` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `calls` ADD `wrap_up_seconds` integer;--> statement-breakpoint
-- Existing calls: their operator and answered time from the interaction (hold was not measured before: 0), their campaign from its attempt.
UPDATE `calls` SET `employee_id` = `i`.`employee_id`, `talk_seconds` = COALESCE(`i`.`duration_seconds`, 0)
FROM `interactions` AS `i` WHERE `i`.`id` = `calls`.`interaction_id`;--> statement-breakpoint
UPDATE `calls` SET `campaign_id` = `a`.`campaign_id`
FROM `campaign_attempts` AS `a` WHERE `a`.`call_id` = `calls`.`interaction_id`;--> statement-breakpoint
CREATE INDEX `calls_kpi_idx` ON `calls` (`started_at`,`employee_id`,`direction`,`disposition`,`campaign_id`,`talk_seconds`,`hold_seconds`,`wrap_up_seconds`,`answered_at`);--> statement-breakpoint
CREATE INDEX `calls_employee_idx` ON `calls` (`employee_id`,`started_at`);--> statement-breakpoint
ALTER TABLE `employees` ADD `team_id` text REFERENCES teams(id);