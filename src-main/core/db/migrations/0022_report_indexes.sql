DROP INDEX `calls_employee_idx`;--> statement-breakpoint
CREATE INDEX `calls_employee_idx` ON `calls` (`employee_id`,`started_at`,`direction`,`disposition`,`campaign_id`,`talk_seconds`,`hold_seconds`,`wrap_up_seconds`,`answered_at`);--> statement-breakpoint
CREATE INDEX `campaign_attempts_operator_idx` ON `campaign_attempts` (`operator_id`,`started_at`,`disposition_id`,`campaign_id`);