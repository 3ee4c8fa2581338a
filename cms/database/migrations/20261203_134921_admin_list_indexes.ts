import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_news_v_latest_sort_idx\` ON \`_news_v\` (\`latest\`,\`version_published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_parent_status_idx\` ON \`_news_v\` (\`parent_id\`,\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_latest_review_idx\` ON \`_news_v\` (\`latest\`,\`version_review_status\`,\`version_review_reset_at\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_latest_sort_idx\` ON \`_exhibitions_v\` (\`latest\`,\`version_opened_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_parent_status_idx\` ON \`_exhibitions_v\` (\`parent_id\`,\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_latest_review_idx\` ON \`_exhibitions_v\` (\`latest\`,\`version_review_status\`,\`version_review_reset_at\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_latest_sort_idx\` ON \`_exhibits_v\` (\`latest\`,\`version_order\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_parent_status_idx\` ON \`_exhibits_v\` (\`parent_id\`,\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_latest_review_idx\` ON \`_exhibits_v\` (\`latest\`,\`version_review_status\`,\`version_review_reset_at\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_latest_sort_idx\` ON \`_lectures_v\` (\`latest\`,\`version_date\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_parent_status_idx\` ON \`_lectures_v\` (\`parent_id\`,\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_latest_review_idx\` ON \`_lectures_v\` (\`latest\`,\`version_review_status\`,\`version_review_reset_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_news_v_latest_sort_idx\`;`)
  await db.run(sql`DROP INDEX \`_news_v_parent_status_idx\`;`)
  await db.run(sql`DROP INDEX \`_news_v_latest_review_idx\`;`)
  await db.run(sql`DROP INDEX \`_exhibitions_v_latest_sort_idx\`;`)
  await db.run(sql`DROP INDEX \`_exhibitions_v_parent_status_idx\`;`)
  await db.run(sql`DROP INDEX \`_exhibitions_v_latest_review_idx\`;`)
  await db.run(sql`DROP INDEX \`_exhibits_v_latest_sort_idx\`;`)
  await db.run(sql`DROP INDEX \`_exhibits_v_parent_status_idx\`;`)
  await db.run(sql`DROP INDEX \`_exhibits_v_latest_review_idx\`;`)
  await db.run(sql`DROP INDEX \`_lectures_v_latest_sort_idx\`;`)
  await db.run(sql`DROP INDEX \`_lectures_v_parent_status_idx\`;`)
  await db.run(sql`DROP INDEX \`_lectures_v_latest_review_idx\`;`)
}
