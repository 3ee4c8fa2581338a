import { sql } from '@payloadcms/db-sqlite'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/**
 * Every write is all or nothing on SQLite: a failure injected by a SQLite trigger after the main
 * row is written (in a hasMany table, in the version table, in the publisher's queue row written
 * by an afterChange hook) must leave no trace of the operation.
 */
describe.skipIf(process.env.TEST_DATABASE === 'mongodb')('transactions on SQLite [sqlite]', () => {
  let t: TestPayload
  const db = () => (t.payload.db as unknown as SQLiteAdapter).drizzle
  const count = async (table: string) => {
    const { rows } = await db().run(sql.raw(`SELECT count(*) AS n FROM "${table}"`))
    return Number((rows[0] as unknown as { n: number }).n)
  }
  const tables = ['news', 'news_texts', '_news_v', '_news_v_texts', 'site_changes']
  const counts = async () =>
    Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await count(table)])))
  /** A trigger that aborts any insert into `table` whose `column` holds `value`. */
  const failInsert = (table: string, when: string) =>
    db().run(
      sql.raw(
        `CREATE TRIGGER "fail_${table}" BEFORE INSERT ON "${table}" WHEN ${when} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
      ),
    )

  beforeAll(async () => {
    t = await startTestPayload()
  })
  afterAll(() => t?.close())
  beforeEach(async () => {
    for (const table of tables) await db().run(sql.raw(`DROP TRIGGER IF EXISTS "fail_${table}"`))
  })

  const news = (title: string, tags: string[] = ['党建']) =>
    ({ title, category: 'party-building', summary: '摘要', tags, _status: 'published' }) as const

  it.each([
    ['a hasMany row (the second tag)', 'news_texts', `NEW.text = 'boom'`],
    ['the version row', '_news_v', `NEW.version_title = '失败的新闻'`],
    ['the queue row written by the afterChange hook', 'site_changes', `1`],
  ])('a failure writing %s keeps nothing of the create', async (_label, table, when) => {
    await t.payload.create({ collection: 'news', data: news('先前的新闻') })
    const before = await counts()
    await failInsert(table, when)
    await expect(
      t.payload.create({ collection: 'news', data: news('失败的新闻', ['好', 'boom']) }),
    ).rejects.toThrow()
    expect(await counts()).toEqual(before)
    expect(
      (await t.payload.find({ collection: 'news', where: { title: { equals: '失败的新闻' } } }))
        .totalDocs,
    ).toBe(0)
  })

  it('a failed update keeps the document, its tags and its versions as they were', async () => {
    const doc = await t.payload.create({ collection: 'news', data: news('更新前', ['旧标签']) })
    const before = await counts()
    await failInsert('site_changes', '1')
    await expect(
      t.payload.update({
        collection: 'news',
        id: doc.id,
        data: { title: '更新后', tags: ['新标签'] },
      }),
    ).rejects.toThrow()
    expect(await counts()).toEqual(before)
    const kept = await t.payload.findByID({ collection: 'news', id: doc.id })
    expect([kept.title, kept.tags]).toEqual(['更新前', ['旧标签']])
  })

  it('concurrent saves are serialised: equal titles get distinct slugs and every save completes', async () => {
    const saved = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.payload.create({ collection: 'news', data: news('同名新闻') }),
      ),
    )
    const slugs = saved.map((doc) => doc.slug)
    expect(new Set(slugs).size).toBe(12)
    expect(
      (await t.payload.find({ collection: 'news', where: { title: { equals: '同名新闻' } } }))
        .totalDocs,
    ).toBe(12)
  })

  it('reads outside a transaction do not wait for a write in progress', async () => {
    const adapter = t.payload.db
    const id = await adapter.beginTransaction!()
    try {
      const started = performance.now()
      await t.payload.find({ collection: 'news', limit: 1 })
      // The open transaction holds the write lock; a read still answers at once (generous bound).
      expect(performance.now() - started).toBeLessThan(5_000)
    } finally {
      await adapter.rollbackTransaction!(id as string)
    }
  })
})
