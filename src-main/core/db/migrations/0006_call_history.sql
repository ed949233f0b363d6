ALTER TABLE `calls` ADD `remote_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `calls_remote_idx` ON `calls` (`remote_key`,`started_at`);