CREATE INDEX `recovery_points_tape` ON `recovery_points` (`tape_id`);--> statement-breakpoint
CREATE INDEX `recovery_points_expiry` ON `recovery_points` (`expires_at`);