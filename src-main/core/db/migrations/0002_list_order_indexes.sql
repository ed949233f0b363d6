DROP INDEX `contact_emails_contact_idx`;--> statement-breakpoint
CREATE INDEX `contact_emails_contact_idx` ON `contact_emails` (`contact_id`,`position`);--> statement-breakpoint
DROP INDEX `contact_phones_contact_idx`;--> statement-breakpoint
CREATE INDEX `contact_phones_contact_idx` ON `contact_phones` (`contact_id`,`position`);--> statement-breakpoint
DROP INDEX `contacts_search_name_idx`;--> statement-breakpoint
DROP INDEX `contacts_updated_idx`;--> statement-breakpoint
CREATE INDEX `contacts_search_name_idx` ON `contacts` (`search_name`,`id`);--> statement-breakpoint
CREATE INDEX `contacts_updated_idx` ON `contacts` (`updated_at`,`id`);