import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`captions\` text;`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_captions\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`duration\` numeric;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`lectures\` DROP COLUMN \`captions\`;`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` DROP COLUMN \`version_captions\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`duration\`;`)
}
