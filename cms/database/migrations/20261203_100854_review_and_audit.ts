import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`news_review_approvals\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`reviewer_id\` integer,
  	\`at\` text,
  	FOREIGN KEY (\`reviewer_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`news_review_approvals_order_idx\` ON \`news_review_approvals\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`news_review_approvals_parent_id_idx\` ON \`news_review_approvals\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`news_review_approvals_reviewer_idx\` ON \`news_review_approvals\` (\`reviewer_id\`);`)
  await db.run(sql`CREATE TABLE \`_news_v_version_review_approvals\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`reviewer_id\` integer,
  	\`at\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`reviewer_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_news_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_news_v_version_review_approvals_order_idx\` ON \`_news_v_version_review_approvals\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_review_approvals_parent_id_idx\` ON \`_news_v_version_review_approvals\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_review_approvals_reviewer_idx\` ON \`_news_v_version_review_approvals\` (\`reviewer_id\`);`)
  await db.run(sql`CREATE TABLE \`exhibitions_review_approvals\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`reviewer_id\` integer,
  	\`at\` text,
  	FOREIGN KEY (\`reviewer_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`exhibitions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`exhibitions_review_approvals_order_idx\` ON \`exhibitions_review_approvals\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`exhibitions_review_approvals_parent_id_idx\` ON \`exhibitions_review_approvals\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`exhibitions_review_approvals_reviewer_idx\` ON \`exhibitions_review_approvals\` (\`reviewer_id\`);`)
  await db.run(sql`CREATE TABLE \`_exhibitions_v_version_review_approvals\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`reviewer_id\` integer,
  	\`at\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`reviewer_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_exhibitions_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_version_review_approvals_order_idx\` ON \`_exhibitions_v_version_review_approvals\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_version_review_approvals_parent_id_idx\` ON \`_exhibitions_v_version_review_approvals\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_version_review_approvals_reviewer_idx\` ON \`_exhibitions_v_version_review_approvals\` (\`reviewer_id\`);`)
  await db.run(sql`CREATE TABLE \`exhibits_review_approvals\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`reviewer_id\` integer,
  	\`at\` text,
  	FOREIGN KEY (\`reviewer_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`exhibits\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`exhibits_review_approvals_order_idx\` ON \`exhibits_review_approvals\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`exhibits_review_approvals_parent_id_idx\` ON \`exhibits_review_approvals\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`exhibits_review_approvals_reviewer_idx\` ON \`exhibits_review_approvals\` (\`reviewer_id\`);`)
  await db.run(sql`CREATE TABLE \`_exhibits_v_version_review_approvals\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`reviewer_id\` integer,
  	\`at\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`reviewer_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_exhibits_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_exhibits_v_version_review_approvals_order_idx\` ON \`_exhibits_v_version_review_approvals\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_version_review_approvals_parent_id_idx\` ON \`_exhibits_v_version_review_approvals\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_version_review_approvals_reviewer_idx\` ON \`_exhibits_v_version_review_approvals\` (\`reviewer_id\`);`)
  await db.run(sql`CREATE TABLE \`lectures_review_approvals\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`reviewer_id\` integer,
  	\`at\` text,
  	FOREIGN KEY (\`reviewer_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`lectures\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`lectures_review_approvals_order_idx\` ON \`lectures_review_approvals\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`lectures_review_approvals_parent_id_idx\` ON \`lectures_review_approvals\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`lectures_review_approvals_reviewer_idx\` ON \`lectures_review_approvals\` (\`reviewer_id\`);`)
  await db.run(sql`CREATE TABLE \`_lectures_v_version_review_approvals\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`reviewer_id\` integer,
  	\`at\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`reviewer_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_lectures_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_lectures_v_version_review_approvals_order_idx\` ON \`_lectures_v_version_review_approvals\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_version_review_approvals_parent_id_idx\` ON \`_lectures_v_version_review_approvals\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_version_review_approvals_reviewer_idx\` ON \`_lectures_v_version_review_approvals\` (\`reviewer_id\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`action\` text NOT NULL,
  	\`actor_id\` integer,
  	\`actor_name\` text,
  	\`target_collection\` text NOT NULL,
  	\`document_id\` text,
  	\`document_title\` text,
  	\`summary\` text,
  	\`changes\` text,
  	\`client_address\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_action_idx\` ON \`audit_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_actor_idx\` ON \`audit_log\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_target_collection_idx\` ON \`audit_log\` (\`target_collection\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_document_id_idx\` ON \`audit_log\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`action_createdAt_idx\` ON \`audit_log\` (\`action\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`actor_createdAt_idx\` ON \`audit_log\` (\`actor_id\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`targetCollection_createdAt_idx\` ON \`audit_log\` (\`target_collection\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`targetCollection_documentId_createdAt_idx\` ON \`audit_log\` (\`target_collection\`,\`document_id\`,\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`review_submitted_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`review_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`review_return_comment\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`review_returned_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`review_returned_at\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`review_note\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`review_reset_at\` text;`)
  await db.run(sql`CREATE INDEX \`news_review_review_status_idx\` ON \`news\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`news_review_review_submitted_by_idx\` ON \`news\` (\`review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`news_review_review_returned_by_idx\` ON \`news\` (\`review_returned_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_review_submitted_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_review_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_review_return_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_review_returned_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_review_returned_at\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_review_note\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_review_reset_at\` text;`)
  await db.run(sql`CREATE INDEX \`_news_v_version_review_version_review_status_idx\` ON \`_news_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_review_version_review_submitted_by_idx\` ON \`_news_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_review_version_review_returned_by_idx\` ON \`_news_v\` (\`version_review_returned_by_id\`);`)
  await db.run(sql`ALTER TABLE \`exhibitions\` ADD \`review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`exhibitions\` ADD \`review_submitted_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`exhibitions\` ADD \`review_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`exhibitions\` ADD \`review_return_comment\` text;`)
  await db.run(sql`ALTER TABLE \`exhibitions\` ADD \`review_returned_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`exhibitions\` ADD \`review_returned_at\` text;`)
  await db.run(sql`ALTER TABLE \`exhibitions\` ADD \`review_note\` text;`)
  await db.run(sql`ALTER TABLE \`exhibitions\` ADD \`review_reset_at\` text;`)
  await db.run(sql`CREATE INDEX \`exhibitions_review_review_status_idx\` ON \`exhibitions\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`exhibitions_review_review_submitted_by_idx\` ON \`exhibitions\` (\`review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`exhibitions_review_review_returned_by_idx\` ON \`exhibitions\` (\`review_returned_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_exhibitions_v\` ADD \`version_review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_exhibitions_v\` ADD \`version_review_submitted_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_exhibitions_v\` ADD \`version_review_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_exhibitions_v\` ADD \`version_review_return_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_exhibitions_v\` ADD \`version_review_returned_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_exhibitions_v\` ADD \`version_review_returned_at\` text;`)
  await db.run(sql`ALTER TABLE \`_exhibitions_v\` ADD \`version_review_note\` text;`)
  await db.run(sql`ALTER TABLE \`_exhibitions_v\` ADD \`version_review_reset_at\` text;`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_version_review_version_review_status_idx\` ON \`_exhibitions_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_version_review_version_review_submitted_b_idx\` ON \`_exhibitions_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_version_review_version_review_returned_by_idx\` ON \`_exhibitions_v\` (\`version_review_returned_by_id\`);`)
  await db.run(sql`ALTER TABLE \`exhibits\` ADD \`review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`exhibits\` ADD \`review_submitted_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`exhibits\` ADD \`review_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`exhibits\` ADD \`review_return_comment\` text;`)
  await db.run(sql`ALTER TABLE \`exhibits\` ADD \`review_returned_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`exhibits\` ADD \`review_returned_at\` text;`)
  await db.run(sql`ALTER TABLE \`exhibits\` ADD \`review_note\` text;`)
  await db.run(sql`ALTER TABLE \`exhibits\` ADD \`review_reset_at\` text;`)
  await db.run(sql`CREATE INDEX \`exhibits_review_review_status_idx\` ON \`exhibits\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`exhibits_review_review_submitted_by_idx\` ON \`exhibits\` (\`review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`exhibits_review_review_returned_by_idx\` ON \`exhibits\` (\`review_returned_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_exhibits_v\` ADD \`version_review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_exhibits_v\` ADD \`version_review_submitted_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_exhibits_v\` ADD \`version_review_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_exhibits_v\` ADD \`version_review_return_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_exhibits_v\` ADD \`version_review_returned_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_exhibits_v\` ADD \`version_review_returned_at\` text;`)
  await db.run(sql`ALTER TABLE \`_exhibits_v\` ADD \`version_review_note\` text;`)
  await db.run(sql`ALTER TABLE \`_exhibits_v\` ADD \`version_review_reset_at\` text;`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_version_review_version_review_status_idx\` ON \`_exhibits_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_version_review_version_review_submitted_by_idx\` ON \`_exhibits_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_version_review_version_review_returned_by_idx\` ON \`_exhibits_v\` (\`version_review_returned_by_id\`);`)
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`review_submitted_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`review_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`review_return_comment\` text;`)
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`review_returned_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`review_returned_at\` text;`)
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`review_note\` text;`)
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`review_reset_at\` text;`)
  await db.run(sql`CREATE INDEX \`lectures_review_review_status_idx\` ON \`lectures\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`lectures_review_review_submitted_by_idx\` ON \`lectures\` (\`review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`lectures_review_review_returned_by_idx\` ON \`lectures\` (\`review_returned_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_review_submitted_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_review_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_review_return_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_review_returned_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_review_returned_at\` text;`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_review_note\` text;`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_review_reset_at\` text;`)
  await db.run(sql`CREATE INDEX \`_lectures_v_version_review_version_review_status_idx\` ON \`_lectures_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_version_review_version_review_submitted_by_idx\` ON \`_lectures_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_version_review_version_review_returned_by_idx\` ON \`_lectures_v\` (\`version_review_returned_by_id\`);`)
  await db.run(sql`ALTER TABLE \`site\` ADD \`review_steps\` numeric DEFAULT 0 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`site\` ADD \`editors_need_review\` integer DEFAULT false;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`news_review_approvals\`;`)
  await db.run(sql`DROP TABLE \`_news_v_version_review_approvals\`;`)
  await db.run(sql`DROP TABLE \`exhibitions_review_approvals\`;`)
  await db.run(sql`DROP TABLE \`_exhibitions_v_version_review_approvals\`;`)
  await db.run(sql`DROP TABLE \`exhibits_review_approvals\`;`)
  await db.run(sql`DROP TABLE \`_exhibits_v_version_review_approvals\`;`)
  await db.run(sql`DROP TABLE \`lectures_review_approvals\`;`)
  await db.run(sql`DROP TABLE \`_lectures_v_version_review_approvals\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_news\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`summary\` text,
  	\`cover_id\` integer,
  	\`body\` text,
  	\`category\` text,
  	\`published_at\` text,
  	\`editorial_note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_news\`("id", "title", "slug", "summary", "cover_id", "body", "category", "published_at", "editorial_note", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "summary", "cover_id", "body", "category", "published_at", "editorial_note", "updated_at", "created_at", "_status" FROM \`news\`;`)
  await db.run(sql`DROP TABLE \`news\`;`)
  await db.run(sql`ALTER TABLE \`__new_news\` RENAME TO \`news\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`news_slug_idx\` ON \`news\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`news_cover_idx\` ON \`news\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`news_category_idx\` ON \`news\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`news_published_at_idx\` ON \`news\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`news_updated_at_idx\` ON \`news\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`news_created_at_idx\` ON \`news\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`news__status_idx\` ON \`news\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_createdAt_idx\` ON \`news\` (\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__news_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_cover_id\` integer,
  	\`version_body\` text,
  	\`version_category\` text,
  	\`version_published_at\` text,
  	\`version_editorial_note\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__news_v\`("id", "parent_id", "version_title", "version_slug", "version_summary", "version_cover_id", "version_body", "version_category", "version_published_at", "version_editorial_note", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_slug", "version_summary", "version_cover_id", "version_body", "version_category", "version_published_at", "version_editorial_note", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_news_v\`;`)
  await db.run(sql`DROP TABLE \`_news_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__news_v\` RENAME TO \`_news_v\`;`)
  await db.run(sql`CREATE INDEX \`_news_v_parent_idx\` ON \`_news_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_slug_idx\` ON \`_news_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_cover_idx\` ON \`_news_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_category_idx\` ON \`_news_v\` (\`version_category\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_published_at_idx\` ON \`_news_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_updated_at_idx\` ON \`_news_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_created_at_idx\` ON \`_news_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version__status_idx\` ON \`_news_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_created_at_idx\` ON \`_news_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_updated_at_idx\` ON \`_news_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_latest_idx\` ON \`_news_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_autosave_idx\` ON \`_news_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_version_createdAt_idx\` ON \`_news_v\` (\`version__status\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_exhibitions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`intro\` text,
  	\`cover_id\` integer,
  	\`venue\` text,
  	\`opened_at\` text,
  	\`editorial_note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_exhibitions\`("id", "title", "slug", "intro", "cover_id", "venue", "opened_at", "editorial_note", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "intro", "cover_id", "venue", "opened_at", "editorial_note", "updated_at", "created_at", "_status" FROM \`exhibitions\`;`)
  await db.run(sql`DROP TABLE \`exhibitions\`;`)
  await db.run(sql`ALTER TABLE \`__new_exhibitions\` RENAME TO \`exhibitions\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`exhibitions_slug_idx\` ON \`exhibitions\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`exhibitions_cover_idx\` ON \`exhibitions\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`exhibitions_updated_at_idx\` ON \`exhibitions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`exhibitions_created_at_idx\` ON \`exhibitions\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`exhibitions__status_idx\` ON \`exhibitions\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__exhibitions_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_intro\` text,
  	\`version_cover_id\` integer,
  	\`version_venue\` text,
  	\`version_opened_at\` text,
  	\`version_editorial_note\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`exhibitions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__exhibitions_v\`("id", "parent_id", "version_title", "version_slug", "version_intro", "version_cover_id", "version_venue", "version_opened_at", "version_editorial_note", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_slug", "version_intro", "version_cover_id", "version_venue", "version_opened_at", "version_editorial_note", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_exhibitions_v\`;`)
  await db.run(sql`DROP TABLE \`_exhibitions_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__exhibitions_v\` RENAME TO \`_exhibitions_v\`;`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_parent_idx\` ON \`_exhibitions_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_version_version_slug_idx\` ON \`_exhibitions_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_version_version_cover_idx\` ON \`_exhibitions_v\` (\`version_cover_id\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_version_version_updated_at_idx\` ON \`_exhibitions_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_version_version_created_at_idx\` ON \`_exhibitions_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_version_version__status_idx\` ON \`_exhibitions_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_created_at_idx\` ON \`_exhibitions_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_updated_at_idx\` ON \`_exhibitions_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_latest_idx\` ON \`_exhibitions_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_exhibitions_v_autosave_idx\` ON \`_exhibitions_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_exhibits\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`exhibition_id\` integer,
  	\`section\` text,
  	\`year\` numeric,
  	\`date\` text,
  	\`order\` numeric DEFAULT 0,
  	\`caption\` text,
  	\`body\` text,
  	\`editorial_note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`exhibition_id\`) REFERENCES \`exhibitions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_exhibits\`("id", "title", "slug", "exhibition_id", "section", "year", "date", "order", "caption", "body", "editorial_note", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "exhibition_id", "section", "year", "date", "order", "caption", "body", "editorial_note", "updated_at", "created_at", "_status" FROM \`exhibits\`;`)
  await db.run(sql`DROP TABLE \`exhibits\`;`)
  await db.run(sql`ALTER TABLE \`__new_exhibits\` RENAME TO \`exhibits\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`exhibits_slug_idx\` ON \`exhibits\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`exhibits_exhibition_idx\` ON \`exhibits\` (\`exhibition_id\`);`)
  await db.run(sql`CREATE INDEX \`exhibits_section_idx\` ON \`exhibits\` (\`section\`);`)
  await db.run(sql`CREATE INDEX \`exhibits_year_idx\` ON \`exhibits\` (\`year\`);`)
  await db.run(sql`CREATE INDEX \`exhibits_order_idx\` ON \`exhibits\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`exhibits_updated_at_idx\` ON \`exhibits\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`exhibits_created_at_idx\` ON \`exhibits\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`exhibits__status_idx\` ON \`exhibits\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`exhibition_order_idx\` ON \`exhibits\` (\`exhibition_id\`,\`order\`);`)
  await db.run(sql`CREATE TABLE \`__new__exhibits_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_exhibition_id\` integer,
  	\`version_section\` text,
  	\`version_year\` numeric,
  	\`version_date\` text,
  	\`version_order\` numeric DEFAULT 0,
  	\`version_caption\` text,
  	\`version_body\` text,
  	\`version_editorial_note\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`exhibits\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_exhibition_id\`) REFERENCES \`exhibitions\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__exhibits_v\`("id", "parent_id", "version_title", "version_slug", "version_exhibition_id", "version_section", "version_year", "version_date", "version_order", "version_caption", "version_body", "version_editorial_note", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_slug", "version_exhibition_id", "version_section", "version_year", "version_date", "version_order", "version_caption", "version_body", "version_editorial_note", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_exhibits_v\`;`)
  await db.run(sql`DROP TABLE \`_exhibits_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__exhibits_v\` RENAME TO \`_exhibits_v\`;`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_parent_idx\` ON \`_exhibits_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_version_version_slug_idx\` ON \`_exhibits_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_version_version_exhibition_idx\` ON \`_exhibits_v\` (\`version_exhibition_id\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_version_version_section_idx\` ON \`_exhibits_v\` (\`version_section\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_version_version_year_idx\` ON \`_exhibits_v\` (\`version_year\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_version_version_order_idx\` ON \`_exhibits_v\` (\`version_order\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_version_version_updated_at_idx\` ON \`_exhibits_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_version_version_created_at_idx\` ON \`_exhibits_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_version_version__status_idx\` ON \`_exhibits_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_created_at_idx\` ON \`_exhibits_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_updated_at_idx\` ON \`_exhibits_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_latest_idx\` ON \`_exhibits_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_exhibits_v_autosave_idx\` ON \`_exhibits_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version_exhibition_version_order_idx\` ON \`_exhibits_v\` (\`version_exhibition_id\`,\`version_order\`);`)
  await db.run(sql`CREATE TABLE \`__new_lectures\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`series\` text,
  	\`episode\` numeric,
  	\`speaker_id\` integer,
  	\`date\` text,
  	\`duration_minutes\` numeric,
  	\`recording_id\` integer,
  	\`video_url\` text,
  	\`poster_id\` integer,
  	\`summary\` text,
  	\`transcript\` text,
  	\`captions\` text,
  	\`editorial_note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`speaker_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`recording_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_lectures\`("id", "title", "slug", "series", "episode", "speaker_id", "date", "duration_minutes", "recording_id", "video_url", "poster_id", "summary", "transcript", "captions", "editorial_note", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "series", "episode", "speaker_id", "date", "duration_minutes", "recording_id", "video_url", "poster_id", "summary", "transcript", "captions", "editorial_note", "updated_at", "created_at", "_status" FROM \`lectures\`;`)
  await db.run(sql`DROP TABLE \`lectures\`;`)
  await db.run(sql`ALTER TABLE \`__new_lectures\` RENAME TO \`lectures\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`lectures_slug_idx\` ON \`lectures\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`lectures_series_idx\` ON \`lectures\` (\`series\`);`)
  await db.run(sql`CREATE INDEX \`lectures_speaker_idx\` ON \`lectures\` (\`speaker_id\`);`)
  await db.run(sql`CREATE INDEX \`lectures_date_idx\` ON \`lectures\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`lectures_recording_idx\` ON \`lectures\` (\`recording_id\`);`)
  await db.run(sql`CREATE INDEX \`lectures_poster_idx\` ON \`lectures\` (\`poster_id\`);`)
  await db.run(sql`CREATE INDEX \`lectures_updated_at_idx\` ON \`lectures\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`lectures_created_at_idx\` ON \`lectures\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`lectures__status_idx\` ON \`lectures\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_date_createdAt_idx\` ON \`lectures\` (\`_status\`,\`date\`,\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__lectures_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_series\` text,
  	\`version_episode\` numeric,
  	\`version_speaker_id\` integer,
  	\`version_date\` text,
  	\`version_duration_minutes\` numeric,
  	\`version_recording_id\` integer,
  	\`version_video_url\` text,
  	\`version_poster_id\` integer,
  	\`version_summary\` text,
  	\`version_transcript\` text,
  	\`version_captions\` text,
  	\`version_editorial_note\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`lectures\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_speaker_id\`) REFERENCES \`speakers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_recording_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__lectures_v\`("id", "parent_id", "version_title", "version_slug", "version_series", "version_episode", "version_speaker_id", "version_date", "version_duration_minutes", "version_recording_id", "version_video_url", "version_poster_id", "version_summary", "version_transcript", "version_captions", "version_editorial_note", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_slug", "version_series", "version_episode", "version_speaker_id", "version_date", "version_duration_minutes", "version_recording_id", "version_video_url", "version_poster_id", "version_summary", "version_transcript", "version_captions", "version_editorial_note", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_lectures_v\`;`)
  await db.run(sql`DROP TABLE \`_lectures_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__lectures_v\` RENAME TO \`_lectures_v\`;`)
  await db.run(sql`CREATE INDEX \`_lectures_v_parent_idx\` ON \`_lectures_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_version_version_slug_idx\` ON \`_lectures_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_version_version_series_idx\` ON \`_lectures_v\` (\`version_series\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_version_version_speaker_idx\` ON \`_lectures_v\` (\`version_speaker_id\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_version_version_date_idx\` ON \`_lectures_v\` (\`version_date\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_version_version_recording_idx\` ON \`_lectures_v\` (\`version_recording_id\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_version_version_poster_idx\` ON \`_lectures_v\` (\`version_poster_id\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_version_version_updated_at_idx\` ON \`_lectures_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_version_version_created_at_idx\` ON \`_lectures_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_version_version__status_idx\` ON \`_lectures_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_created_at_idx\` ON \`_lectures_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_updated_at_idx\` ON \`_lectures_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_latest_idx\` ON \`_lectures_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_autosave_idx\` ON \`_lectures_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_date_version_createdAt_idx\` ON \`_lectures_v\` (\`version__status\`,\`version_date\`,\`version_created_at\`);`)
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`review_steps\`;`)
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`editors_need_review\`;`)
}
