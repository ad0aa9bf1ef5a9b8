CREATE INDEX `jobs_replica` ON `jobs` (`replica_id`);--> statement-breakpoint
CREATE INDEX `jobs_type` ON `jobs` (`type`);--> statement-breakpoint
CREATE INDEX `jobs_library` ON `jobs` (`library_id`) WHERE "jobs"."library_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `jobs_tape` ON `jobs` (`tape_id`) WHERE "jobs"."tape_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `jobs_retry_of` ON `jobs` (`retry_of`) WHERE "jobs"."retry_of" IS NOT NULL;