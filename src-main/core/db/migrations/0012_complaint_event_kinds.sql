-- Complaint events keep words out of the database: registration is a state change with no text, and a
-- step planned or done is its own kind with the step's title as text; the renderer words them.
UPDATE `complaint_events` SET `text` = '' WHERE `kind` = 'state' AND `from_state` IS NULL AND `text` = 'registered';--> statement-breakpoint
UPDATE `complaint_events` SET `kind` = 'step_planned', `text` = substr(`text`, 10) WHERE `kind` = 'step' AND `text` LIKE 'planned: %';--> statement-breakpoint
UPDATE `complaint_events` SET `kind` = 'step_done', `text` = substr(`text`, 7) WHERE `kind` = 'step' AND `text` LIKE 'done: %';
