ALTER TABLE `servers` ADD `installed_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `servers` ADD `restored_from` text;