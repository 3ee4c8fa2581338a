import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`site_status\` ADD \`last_backup_at\` text;`)
  await db.run(sql`ALTER TABLE \`site_status\` ADD \`last_backup_file\` text;`)
  await db.run(sql`ALTER TABLE \`site_status\` ADD \`last_backup_bytes\` numeric;`)
  await db.run(sql`ALTER TABLE \`site_status\` ADD \`last_backup_duration_ms\` numeric;`)
  await db.run(sql`ALTER TABLE \`site_status\` ADD \`last_backup_failed_at\` text;`)
  await db.run(sql`ALTER TABLE \`site_status\` ADD \`last_backup_error\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`site_status\` DROP COLUMN \`last_backup_at\`;`)
  await db.run(sql`ALTER TABLE \`site_status\` DROP COLUMN \`last_backup_file\`;`)
  await db.run(sql`ALTER TABLE \`site_status\` DROP COLUMN \`last_backup_bytes\`;`)
  await db.run(sql`ALTER TABLE \`site_status\` DROP COLUMN \`last_backup_duration_ms\`;`)
  await db.run(sql`ALTER TABLE \`site_status\` DROP COLUMN \`last_backup_failed_at\`;`)
  await db.run(sql`ALTER TABLE \`site_status\` DROP COLUMN \`last_backup_error\`;`)
}
