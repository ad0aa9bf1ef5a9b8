ALTER TABLE `servers` ADD `disks` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- A database from before disks were modelled: its pool becomes one disk of the pool's size.
UPDATE `servers` SET `disks` = json_array(json_object('id', 'disk-' || `id` || '-1', 'name', 'Disk 1', 'sizeGb', `storage_pool_gb`, 'missing', json('false'))) WHERE `disks` = '[]' AND `storage_pool_gb` > 0;
