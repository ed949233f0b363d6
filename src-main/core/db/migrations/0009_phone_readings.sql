ALTER TABLE `company_phones` ADD `country` text;--> statement-breakpoint
ALTER TABLE `company_phones` ADD `nsn` text;--> statement-breakpoint
ALTER TABLE `company_phones` ADD `status` text DEFAULT 'ok' NOT NULL;--> statement-breakpoint
ALTER TABLE `company_phones` ADD `alternatives` text;--> statement-breakpoint
ALTER TABLE `company_phones` ADD `extension` text;--> statement-breakpoint
ALTER TABLE `company_phones` ADD `confirmed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `company_phones` ADD `updated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `company_phones` ADD `updated_by` text;--> statement-breakpoint
CREATE INDEX `company_phones_nsn_idx` ON `company_phones` (`nsn`);--> statement-breakpoint
CREATE INDEX `company_phones_status_idx` ON `company_phones` (`status`) WHERE "company_phones"."status" <> 'ok';--> statement-breakpoint
ALTER TABLE `contact_phones` ADD `country` text;--> statement-breakpoint
ALTER TABLE `contact_phones` ADD `nsn` text;--> statement-breakpoint
ALTER TABLE `contact_phones` ADD `status` text DEFAULT 'ok' NOT NULL;--> statement-breakpoint
ALTER TABLE `contact_phones` ADD `alternatives` text;--> statement-breakpoint
ALTER TABLE `contact_phones` ADD `extension` text;--> statement-breakpoint
ALTER TABLE `contact_phones` ADD `confirmed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `contact_phones` ADD `updated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `contact_phones` ADD `updated_by` text;--> statement-breakpoint
CREATE INDEX `contact_phones_nsn_idx` ON `contact_phones` (`nsn`);--> statement-breakpoint
CREATE INDEX `contact_phones_status_idx` ON `contact_phones` (`status`) WHERE "contact_phones"."status" <> 'ok';--> statement-breakpoint
ALTER TABLE `contacts` ADD `city` text;--> statement-breakpoint
ALTER TABLE `imports` ADD `phone_issues` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `phone_issue_list` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `calls` ADD `remote_raw` text;--> statement-breakpoint
UPDATE `contact_phones` SET `status` = 'invalid' WHERE `e164` IS NULL;--> statement-breakpoint
UPDATE `company_phones` SET `status` = 'invalid' WHERE `e164` IS NULL;--> statement-breakpoint
UPDATE `contact_phones` SET `updated_at` = (SELECT `updated_at` FROM `contacts` WHERE `contacts`.`id` = `contact_phones`.`contact_id`);--> statement-breakpoint
UPDATE `company_phones` SET `updated_at` = (SELECT `updated_at` FROM `companies` WHERE `companies`.`id` = `company_phones`.`company_id`);
