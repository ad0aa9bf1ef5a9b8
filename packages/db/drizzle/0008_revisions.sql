ALTER TABLE `protection_groups` ADD `revision` text DEFAULT '{"n":1,"by":"DPM","at":0}' NOT NULL;--> statement-breakpoint
ALTER TABLE `libraries` ADD `revision` text DEFAULT '{"n":1,"by":"DPM","at":0}' NOT NULL;--> statement-breakpoint
ALTER TABLE `replicas` ADD `revision` text DEFAULT '{"n":1,"by":"DPM","at":0}' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `revision` text DEFAULT '{"n":1,"by":"DPM","at":0}' NOT NULL;--> statement-breakpoint
-- An agent is kept as JSON on its computer: give every existing agent its first revision.
UPDATE `computers` SET `agent` = json_set(`agent`, '$.revision', json('{"n":1,"by":"DPM","at":0}')) WHERE `agent` IS NOT NULL AND json_extract(`agent`, '$.revision') IS NULL;
