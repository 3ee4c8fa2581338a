import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`site_changes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'document' NOT NULL,
  	\`target_collection\` text,
  	\`document_id\` text,
  	\`operation\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`site_changes_updated_at_idx\` ON \`site_changes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`site_changes_created_at_idx\` ON \`site_changes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`site_status\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`last_update_at\` text,
  	\`last_update_duration_ms\` numeric,
  	\`last_update_pages\` numeric,
  	\`last_update_changes\` numeric,
  	\`last_full_build_at\` text,
  	\`last_full_build_duration_ms\` numeric,
  	\`last_full_build_pages\` numeric,
  	\`last_full_build_reason\` text,
  	\`working_task\` text,
  	\`working_since\` text,
  	\`last_error_at\` text,
  	\`last_error_message\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`site_changes\`;`)
  await db.run(sql`DROP TABLE \`site_status\`;`)
}
