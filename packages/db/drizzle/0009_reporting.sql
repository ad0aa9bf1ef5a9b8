CREATE TABLE `readiness_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`wall_at` integer NOT NULL,
	`actor` text NOT NULL,
	`result` text NOT NULL,
	`passed` integer NOT NULL,
	`warnings` integer NOT NULL,
	`failed` integer NOT NULL,
	`goal_hours` integer NOT NULL,
	`report` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `readiness_runs_at` ON `readiness_runs` (`at`);--> statement-breakpoint
CREATE TABLE `report_copies` (
	`id` text PRIMARY KEY NOT NULL,
	`schedule_id` text NOT NULL,
	`report_id` text NOT NULL,
	`server_id` text,
	`period` text NOT NULL,
	`generated_at` integer NOT NULL,
	`document` text NOT NULL,
	`format` text NOT NULL,
	`recipients` text NOT NULL,
	`mail_status` text NOT NULL,
	`mail_detail` text,
	`mailed_at` integer,
	FOREIGN KEY (`schedule_id`) REFERENCES `report_schedules`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_copies_schedule_generated` ON `report_copies` (`schedule_id`,`generated_at`);--> statement-breakpoint
CREATE TABLE `report_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`server_id` text,
	`period` text NOT NULL,
	`group_by` text NOT NULL,
	`frequency` text NOT NULL,
	`time_of_day` integer NOT NULL,
	`day_of_week` integer NOT NULL,
	`day_of_month` integer NOT NULL,
	`keep` integer NOT NULL,
	`recipients` text NOT NULL,
	`format` text NOT NULL,
	`next_run_at` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer NOT NULL
);
