/**
 * After a restore the site follows by itself: a site built from content edited after a backup
 * (a title changed, an article deleted, one added), then the backup restored over the database,
 * and the publisher started again, serves exactly a clean build of the restored content. The path
 * is the publisher's comparison of the whole published content with the live release on start.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Client } from '@libsql/client'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createBackup } from '../../cms/backup/createBackup'
import { restoreBackup } from '../../cms/backup/restoreBackup'
import { migrateDatabase } from '../../cms/database/migrateDatabase'
import { exportSiteContent } from '../../cms/export/exportSiteContent'
import { Publisher } from '../../publisher/publisher'
import { Releases } from '../../publisher/releases'
import { describeOnDatabase, startTestPayload, type TestPayload } from '../helpers/testPayload'

const page = (publisher: Publisher, urlPath: string) => {
  const file = path.join(publisher.servedDir, urlPath, 'index.html')
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null
}

/** Every page and feed of a site folder (search shards and media aside), by relative path. */
function pages(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(html|xml)$/.test(entry.name)) continue
    const full = path.join(entry.parentPath, entry.name)
    files.set(path.relative(dir, full), fs.readFileSync(full, 'utf8'))
  }
  return files
}

describeOnDatabase('restore: the publisher brings the site in line by itself', () => {
  let t: TestPayload
  let work: string
  let restored: Payload | undefined
  let publisher: Publisher | undefined
  const slugs: string[] = []

  beforeAll(async () => {
    process.env.SITE_URL = 'https://hongse.example'
    t = await startTestPayload()
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-restore-publish-'))
    await t.payload.updateGlobal({
      slug: 'site',
      data: {
        siteName: '红色山高',
        slogan: '党建引领',
        navigation: [{ label: '首页', href: '/' }],
      },
    })
    for (let n = 0; n < 4; n++) {
      const news = await t.payload.create({
        collection: 'news',
        data: {
          title: `备份时的第${n + 1}篇`,
          category: 'party-building',
          summary: `摘要${n + 1}`,
          publishedAt: new Date(Date.UTC(2025, 0, 1 + n)).toISOString(),
          _status: 'published',
        },
      })
      slugs.push(news.slug!)
    }
  }, 120_000)

  afterAll(async () => {
    await publisher?.stop()
    await restored?.destroy()
    await t?.close().catch(() => undefined)
    if (t) fs.rmSync(path.dirname(t.mediaDir), { recursive: true, force: true })
    if (work) fs.rmSync(work, { recursive: true, force: true })
  })

  it('serves a clean build of the restored content after the publisher restarts', async () => {
    const databaseFile = process.env.DATABASE_URL!.slice('file:'.length)
    const archive = path.join(work, 'backup.tar.gz')
    await createBackup({
      database: { kind: 'sqlite', file: databaseFile },
      mediaDir: t.mediaDir,
      file: archive,
      collections: ['news'],
    })

    // After the backup: edits the site then shows.
    const { docs } = await t.payload.find({ collection: 'news', sort: 'publishedAt', depth: 0 })
    await t.payload.update({
      collection: 'news',
      id: docs[0].id,
      data: { title: '备份之后改的标题' },
    })
    await t.payload.delete({ collection: 'news', id: docs[1].id })
    const added = await t.payload.create({
      collection: 'news',
      data: {
        title: '备份之后才发布',
        category: 'party-building',
        summary: '新',
        _status: 'published',
      },
    })
    const releasesDir = path.join(work, 'site')
    publisher = new Publisher({
      payload: t.payload,
      releasesDir,
      mediaDir: t.mediaDir,
      fullBuildIntervalHours: 0,
      log: () => {},
    })
    await publisher.start({ watch: false })
    expect(page(publisher, `/news/${slugs[0]}/`)).toContain('备份之后改的标题')
    expect(page(publisher, `/news/${slugs[1]}/`)).toBeNull()
    expect(page(publisher, `/news/${added.slug}/`)).toContain('备份之后才发布')
    await publisher.stop()
    publisher = undefined
    await t.payload.destroy()
    ;(t.payload.db as unknown as { client?: Client }).client?.close()

    // The system is down; the backup goes back in.
    await restoreBackup({ archive, databaseFile, mediaDir: t.mediaDir, force: true, releasesDir })

    const [{ getPayload }, { default: config }] = await Promise.all([
      import('payload'),
      import('../../cms/payload.config'),
    ])
    restored = await getPayload({ config, key: 'after-restore' })
    await migrateDatabase(restored)
    publisher = new Publisher({
      payload: restored,
      releasesDir,
      mediaDir: t.mediaDir,
      fullBuildIntervalHours: 0,
      log: () => {},
    })
    await publisher.start({ watch: false })
    expect(page(publisher, `/news/${slugs[0]}/`)).toContain('备份时的第1篇')
    expect(page(publisher, `/news/${slugs[1]}/`)).toContain('备份时的第2篇')
    expect(page(publisher, `/news/${added.slug}/`)).toBeNull()

    const clean = await new Releases(path.join(work, 'clean')).build(
      await exportSiteContent(restored),
      'test',
    )
    const live = pages(publisher.servedDir)
    const full = pages(clean.publicDir)
    expect([...live.keys()].sort()).toEqual([...full.keys()].sort())
    expect([...full.keys()].filter((file) => live.get(file) !== full.get(file))).toEqual([])
  }, 600_000)
})
