CREATE TABLE `domain_accounts` (
	`account` text PRIMARY KEY NOT NULL,
	`password_hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `vault_passphrases` (
	`server_id` text PRIMARY KEY NOT NULL,
	`passphrase_hash` text NOT NULL,
	`set_at` integer NOT NULL
);
