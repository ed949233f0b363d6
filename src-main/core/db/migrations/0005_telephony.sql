CREATE TABLE `calls` (
	`interaction_id` text PRIMARY KEY NOT NULL,
	`account_id` text,
	`direction` text NOT NULL,
	`remote_number` text NOT NULL,
	`remote_name` text,
	`sip_call_id` text,
	`started_at` integer NOT NULL,
	`answered_at` integer,
	`ended_at` integer,
	`ended_by` text,
	`end_reason` text,
	`disposition` text NOT NULL,
	`jitter_ms` real,
	`packet_loss_percent` real,
	`round_trip_ms` real,
	`mos` real,
	`recording_file` text,
	FOREIGN KEY (`interaction_id`) REFERENCES `interactions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `calls_started_idx` ON `calls` (`started_at`);--> statement-breakpoint
CREATE INDEX `calls_disposition_idx` ON `calls` (`disposition`,`started_at`);--> statement-breakpoint
CREATE TABLE `sip_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`ws_url` text NOT NULL,
	`sip_uri` text NOT NULL,
	`auth_user` text DEFAULT '' NOT NULL,
	`display_name` text DEFAULT '' NOT NULL,
	`ice_servers` text DEFAULT '[]' NOT NULL,
	`record` integer DEFAULT false NOT NULL,
	`consent_announcement` integer DEFAULT false NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
