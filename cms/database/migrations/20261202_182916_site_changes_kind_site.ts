import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// The `site` global gets a queue kind of its own (it was a fake document, collection `site`), and
// the unused `operation` column goes: the publisher reads a queued document's public version
// whether it was saved or deleted.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(
    sql`UPDATE \`site_changes\` SET \`kind\` = 'site', \`target_collection\` = NULL, \`document_id\` = NULL WHERE \`kind\` = 'document' AND \`target_collection\` = 'site';`,
  )
  await db.run(sql`ALTER TABLE \`site_changes\` DROP COLUMN \`operation\`;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`site_changes\` ADD \`operation\` text;`)
  await db.run(sql`UPDATE \`site_changes\` SET \`operation\` = 'change' WHERE \`kind\` = 'document';`)
  await db.run(
    sql`UPDATE \`site_changes\` SET \`kind\` = 'document', \`target_collection\` = 'site', \`document_id\` = 'site', \`operation\` = 'change' WHERE \`kind\` = 'site';`,
  )
}
