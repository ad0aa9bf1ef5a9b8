-- The pool's capacity is derived from its disks (migration 0006 carried it into them).
ALTER TABLE `servers` DROP COLUMN `storage_pool_gb`;
