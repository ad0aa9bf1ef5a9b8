CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`server_id` text NOT NULL,
	`name` text NOT NULL,
	`severity` text NOT NULL,
	`state` text NOT NULL,
	`subject_id` text NOT NULL,
	`computer_id` text,
	`group_id` text,
	`affected_area` text NOT NULL,
	`description` text NOT NULL,
	`raised_at` integer NOT NULL,
	`resolved_at` integer,
	`acknowledged` text
);
--> statement-breakpoint
CREATE INDEX `alerts_server_state_raised` ON `alerts` (`server_id`,`state`,`raised_at`);--> statement-breakpoint
CREATE TABLE `audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`simulated_at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`target` text NOT NULL,
	`outcome` text NOT NULL,
	`code` text,
	`address` text,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit` (`at`);--> statement-breakpoint
CREATE TABLE `computers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`fqdn` text NOT NULL,
	`domain` text NOT NULL,
	`dpm_server_id` text,
	`agent` text,
	`security` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `computers_name` ON `computers` (`name`);--> statement-breakpoint
CREATE TABLE `data_sources` (
	`id` text PRIMARY KEY NOT NULL,
	`computer_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`size_gb` real NOT NULL
);
--> statement-breakpoint
CREATE INDEX `data_sources_computer` ON `data_sources` (`computer_id`);--> statement-breakpoint
CREATE TABLE `protection_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`server_id` text NOT NULL,
	`name` text NOT NULL,
	`disk` text,
	`tape` text,
	`online` text,
	`replica_creation` text NOT NULL,
	`consistency_check` text NOT NULL,
	`excluded_extensions` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `groups_server` ON `protection_groups` (`server_id`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`server_id` text NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`replica_id` text,
	`data_source_id` text,
	`group_id` text,
	`computer_id` text,
	`library_id` text,
	`tape_id` text,
	`scheduled_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`total_gb` real NOT NULL,
	`transferred_gb` real NOT NULL,
	`error` text,
	`params` text NOT NULL,
	`retry_of` text
);
--> statement-breakpoint
CREATE INDEX `jobs_server_scheduled` ON `jobs` (`server_id`,`scheduled_at`);--> statement-breakpoint
CREATE INDEX `jobs_status` ON `jobs` (`status`);--> statement-breakpoint
CREATE TABLE `libraries` (
	`id` text PRIMARY KEY NOT NULL,
	`server_id` text NOT NULL,
	`name` text NOT NULL,
	`drives` text NOT NULL,
	`slots` integer NOT NULL,
	`door_locked` integer NOT NULL,
	`enabled` integer NOT NULL,
	`available` integer NOT NULL,
	`last_rescan_at` integer
);
--> statement-breakpoint
CREATE INDEX `libraries_server` ON `libraries` (`server_id`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `recovery_points` (
	`id` text PRIMARY KEY NOT NULL,
	`server_id` text NOT NULL,
	`replica_id` text,
	`data_source_id` text NOT NULL,
	`time` integer NOT NULL,
	`location` text NOT NULL,
	`expires_at` integer NOT NULL,
	`tape_id` text,
	`external` integer NOT NULL,
	`dpmdb` text,
	`size_gb` real NOT NULL
);
--> statement-breakpoint
CREATE INDEX `recovery_points_replica_time` ON `recovery_points` (`replica_id`,`time`);--> statement-breakpoint
CREATE INDEX `recovery_points_server_source_time` ON `recovery_points` (`server_id`,`data_source_id`,`time`);--> statement-breakpoint
CREATE TABLE `replicas` (
	`id` text PRIMARY KEY NOT NULL,
	`server_id` text NOT NULL,
	`group_id` text,
	`data_source_id` text NOT NULL,
	`source_server_id` text,
	`switched` integer NOT NULL,
	`status` text NOT NULL,
	`replica_path` text NOT NULL,
	`allocated_gb` real NOT NULL,
	`in_storage_pool` integer NOT NULL,
	`data_restored` integer NOT NULL,
	`last_sync_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `replicas_server_group` ON `replicas` (`server_id`,`group_id`);--> statement-breakpoint
CREATE INDEX `replicas_data_source` ON `replicas` (`data_source_id`);--> statement-breakpoint
CREATE INDEX `replicas_server_status` ON `replicas` (`server_id`,`status`);--> statement-breakpoint
CREATE TABLE `servers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`fqdn` text NOT NULL,
	`computer_id` text NOT NULL,
	`version` text NOT NULL,
	`state` text NOT NULL,
	`vss_writer` text NOT NULL,
	`service` text NOT NULL,
	`db_version` text NOT NULL,
	`generation` integer NOT NULL,
	`db_restore_pending` integer NOT NULL,
	`storage_pool_gb` real NOT NULL,
	`certificates` text NOT NULL,
	`replica_restore_failures` text NOT NULL,
	`online` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `servers_name` ON `servers` (`name`);--> statement-breakpoint
CREATE TABLE `tapes` (
	`id` text PRIMARY KEY NOT NULL,
	`library_id` text,
	`slot` integer,
	`location` text NOT NULL,
	`barcode` text NOT NULL,
	`label` text,
	`written_by` text,
	`data_sets` text NOT NULL,
	`encrypted_with` text,
	`expires_at` integer,
	`free` integer NOT NULL,
	`inventoried` integer NOT NULL,
	`header_read` integer NOT NULL,
	`cataloged_by` text,
	`suspect` integer NOT NULL,
	`cleaning` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tapes_library_slot` ON `tapes` (`library_id`,`slot`);--> statement-breakpoint
CREATE UNIQUE INDEX `tapes_barcode` ON `tapes` (`barcode`);