ALTER TABLE `servers` ADD `db_history` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- An existing server's database holds the jobs since DPM was installed on it.
UPDATE `servers` SET `db_history` = json_array(json_object('from', `installed_at`, 'to', json('null')));
