import { configToSchema } from '@payloadcms/graphql'
import { createRequire } from 'node:module'
import { createLocalReq, handleEndpoints, type CollectionAfterChangeHook } from 'payload'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { verifyPreview } from '../../shared/previewLink'
import { withoutSiteChanges } from '../../cms/collections/SiteChanges/enqueueSiteChange'
import { rebuildNotAllowedMessage } from '../../cms/collections/SiteChanges/rebuildEndpoint'
import { generateImage } from '../../cms/seed/generateImage'
import {
  createUser,
  describeOnDatabase,
  startTestPayload,
  type TestPayload,
} from '../helpers/testPayload'

/** The publisher's queue (`site-changes`), its rebuild endpoint, the `site-status` global and preview links. */
describeOnDatabase('site changes for the publisher', () => {
  let t: TestPayload
  let editor: Awaited<ReturnType<typeof createUser>>
  let contributor: Awaited<ReturnType<typeof createUser>>
  beforeAll(async () => {
    t = await startTestPayload()
    editor = await createUser(t.payload, 'editor')
    contributor = await createUser(t.payload, 'contributor')
  })
  afterAll(() => t?.close())
  beforeEach(async () => {
    await clearQueue()
  })

  const news = { title: '队列测试', category: 'party-building' as const, summary: '摘要' }
  const queued = async () =>
    (
      await t.payload.find({ collection: 'site-changes', sort: 'createdAt', limit: 100, depth: 0 })
    ).docs.map(({ kind, targetCollection, documentId }) => ({ kind, targetCollection, documentId }))
  const change = (collection: string, id: number | string) => ({
    kind: 'document',
    targetCollection: collection,
    documentId: String(id),
  })
  const siteSettingsChange = { kind: 'site', targetCollection: null, documentId: null }
  const clearQueue = () =>
    t.payload.delete({ collection: 'site-changes', where: { id: { exists: true } } })
  /** A REST request through Payload's own router, as the Next route handler makes it. */
  const rest = async (method: string, path: string, user?: { email: string }) => {
    const headers: Record<string, string> = {}
    if (user) {
      const { token } = await t.payload.login({
        collection: 'users',
        data: { email: user.email, password: 'test-password-1' },
      })
      headers.Authorization = `JWT ${token}`
    }
    return handleEndpoints({
      config: t.payload.config,
      request: new Request(`http://localhost/api${path}`, { method, headers }),
    })
  }

  it('publishing a news item enqueues one row; creating it published too', async () => {
    const draft = await t.payload.create({ collection: 'news', draft: true, data: news })
    expect(await queued()).toEqual([])
    await t.payload.update({ collection: 'news', id: draft.id, data: { _status: 'published' } })
    expect(await queued()).toEqual([change('news', draft.id)])

    await clearQueue()
    const live = await t.payload.create({
      collection: 'news',
      data: { ...news, _status: 'published' },
    })
    expect(await queued()).toEqual([change('news', live.id)])
  })

  it('saves that only touch a draft enqueue nothing', async () => {
    const draft = await t.payload.create({ collection: 'news', draft: true, data: news })
    await t.payload.update({
      collection: 'news',
      id: draft.id,
      draft: true,
      data: { title: '草稿再改' },
    })
    await t.payload.update({
      collection: 'news',
      id: draft.id,
      draft: true,
      autosave: true,
      data: { title: '自动保存' },
    })
    // A save without `draft` of a document that was never published keeps it a draft: still private.
    await t.payload.update({ collection: 'news', id: draft.id, data: { title: '仍是草稿' } })
    await t.payload.create({
      collection: 'lectures',
      draft: true,
      data: { title: '草稿讲座', series: 'policy', date: '2025-03-01T06:00:00.000Z' },
    })
    expect(await queued()).toEqual([])
  })

  it('a draft saved (or autosaved) over a published document enqueues nothing; publishing it does', async () => {
    const doc = await t.payload.create({
      collection: 'news',
      data: { ...news, _status: 'published' },
    })
    await clearQueue()
    await t.payload.update({
      collection: 'news',
      id: doc.id,
      draft: true,
      data: { title: '线上版本的草稿' },
    })
    await t.payload.update({
      collection: 'news',
      id: doc.id,
      draft: true,
      autosave: true,
      data: { title: '自动保存的草稿' },
    })
    // As the admin's 保存草稿 and autosave send it: `_status: 'draft'` with `draft: true`.
    await t.payload.update({
      collection: 'news',
      id: doc.id,
      draft: true,
      data: { title: '再存一次', _status: 'draft' },
    })
    expect(await queued()).toEqual([])
    await t.payload.update({ collection: 'news', id: doc.id, data: { _status: 'published' } })
    expect(await queued()).toEqual([change('news', doc.id)])
  })

  it('editing a published document, unpublishing and deleting each enqueue', async () => {
    const doc = await t.payload.create({
      collection: 'exhibitions',
      data: { title: '队列展览', _status: 'published' },
    })
    await clearQueue()
    await t.payload.update({ collection: 'exhibitions', id: doc.id, data: { venue: '一楼大厅' } })
    expect(await queued()).toEqual([change('exhibitions', doc.id)])

    await clearQueue()
    await t.payload.update({ collection: 'exhibitions', id: doc.id, data: { _status: 'draft' } })
    expect(await queued()).toEqual([change('exhibitions', doc.id)])

    // Unpublished, it is private again: a delete changes nothing public.
    await clearQueue()
    await t.payload.delete({ collection: 'exhibitions', id: doc.id })
    expect(await queued()).toEqual([])

    const live = await t.payload.create({
      collection: 'news',
      data: { ...news, _status: 'published' },
    })
    await clearQueue()
    await t.payload.delete({ collection: 'news', id: live.id })
    expect(await queued()).toEqual([change('news', live.id)])
  })

  it('unpublishing a document that has a newer draft enqueues', async () => {
    const doc = await t.payload.create({
      collection: 'news',
      data: { ...news, _status: 'published' },
    })
    await t.payload.update({
      collection: 'news',
      id: doc.id,
      draft: true,
      data: { title: '待审草稿' },
    })
    await clearQueue()
    await t.payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' } })
    expect(await queued()).toEqual([change('news', doc.id)])
    expect(
      (
        await t.payload.find({
          collection: 'news',
          where: { id: { equals: doc.id } },
          overrideAccess: false,
        })
      ).totalDocs,
    ).toBe(0)
  })

  it('restoring an earlier version of a published document enqueues; restoring it as a draft does not', async () => {
    const doc = await t.payload.create({
      collection: 'news',
      data: { ...news, title: '第一版', _status: 'published' },
    })
    await t.payload.update({ collection: 'news', id: doc.id, data: { title: '第二版' } })
    const versions = await t.payload.findVersions({
      collection: 'news',
      where: { parent: { equals: doc.id } },
    })
    const first = versions.docs.find((version) => version.version.title === '第一版')!
    await clearQueue()
    // The admin's 恢复为草稿; the Local API's restoreVersion has no `draft` option.
    expect((await rest('POST', `/news/versions/${first.id}?draft=true`, editor)).status).toBe(200)
    expect(await queued()).toEqual([])
    await t.payload.restoreVersion({ collection: 'news', id: first.id })
    expect(await queued()).toEqual([change('news', doc.id)])
  })

  it('editing a book, a speaker, a media file or the site settings enqueues', async () => {
    const book = await t.payload.create({
      collection: 'books',
      data: { title: '队列图书', clc: 'D26', location: 'reading-room', copies: 2, available: 2 },
    })
    const speaker = await t.payload.create({ collection: 'speakers', data: { name: '队列主讲人' } })
    const image = await generateImage({ seed: 3, motif: 'star', width: 320, height: 240 })
    const media = await t.payload.create({
      collection: 'media',
      data: { alt: '队列图片' },
      file: { data: image, mimetype: 'image/jpeg', name: 'queue.jpg', size: image.length },
    })
    // A new upload is on no page yet.
    expect((await queued()).filter((row) => row.targetCollection === 'media')).toEqual([])
    await clearQueue()
    await t.payload.update({ collection: 'books', id: book.id, data: { available: 1 } })
    await t.payload.update({ collection: 'speakers', id: speaker.id, data: { title: '党校教授' } })
    await t.payload.update({ collection: 'media', id: media.id, data: { alt: '新的替代文字' } })
    await t.payload.updateGlobal({ slug: 'site', data: { slogan: '新的口号' } })
    expect(await queued()).toEqual([
      change('books', book.id),
      change('speakers', speaker.id),
      change('media', media.id),
      siteSettingsChange,
    ])

    await clearQueue()
    await t.payload.delete({ collection: 'books', id: book.id })
    expect(await queued()).toEqual([change('books', book.id)])
  })

  it('writes with the off switch in their context queue nothing (seeding)', async () => {
    const context = withoutSiteChanges
    const live = await t.payload.create({
      collection: 'news',
      context: context(),
      data: { ...news, title: '静默发布', _status: 'published' },
    })
    await t.payload.update({
      collection: 'news',
      id: live.id,
      context: context(),
      data: { title: '静默修改' },
    })
    const speaker = await t.payload.create({
      collection: 'speakers',
      context: context(),
      data: { name: '静默主讲人' },
    })
    await t.payload.updateGlobal({ slug: 'site', context: context(), data: { slogan: '静默口号' } })
    await t.payload.delete({ collection: 'speakers', id: speaker.id, context: context() })
    await t.payload.delete({ collection: 'news', id: live.id, context: context() })
    expect(await queued()).toEqual([])
    // The switch is per operation: the next save queues as usual.
    await t.payload.updateGlobal({ slug: 'site', data: { slogan: '新的口号' } })
    expect(await queued()).toEqual([siteSettingsChange])
  })

  it('a scheduled publish and a scheduled unpublish enqueue when the job runs', async () => {
    const doc = await t.payload.create({
      collection: 'news',
      draft: true,
      data: { ...news, title: '定时发布' },
    })
    const schedule = (type: 'publish' | 'unpublish') =>
      t.payload.jobs.queue({
        task: 'schedulePublish',
        input: { type, doc: { relationTo: 'news', value: String(doc.id) } },
        waitUntil: new Date(Date.now() - 1000),
      } as never)
    await schedule('publish')
    expect(await queued()).toEqual([])
    await t.payload.jobs.run()
    expect(await queued()).toEqual([change('news', doc.id)])

    await clearQueue()
    await schedule('unpublish')
    await t.payload.jobs.run()
    expect(await queued()).toEqual([change('news', doc.id)])
  })

  it('a save that fails validation leaves no row', async () => {
    const draft = await t.payload.create({
      collection: 'news',
      draft: true,
      data: { title: '缺分类' },
    })
    await expect(
      t.payload.update({ collection: 'news', id: draft.id, data: { _status: 'published' } }),
    ).rejects.toThrow()
    await expect(
      t.payload.create({
        collection: 'books',
        data: {
          title: '坏 ISBN',
          isbn: '9787000000000',
          clc: 'D26',
          location: 'reading-room',
          copies: 1,
          available: 1,
        },
      }),
    ).rejects.toThrow()
    expect(await queued()).toEqual([])
  })

  it('when a later hook fails, the row shares the fate of the save (both rolled back where the database has transactions)', async () => {
    // Our SQLite adapter runs without transactions (Payload's default there); on MongoDB replica sets both roll back.
    const transactionID = await t.payload.db.beginTransaction()
    if (transactionID) await t.payload.db.rollbackTransaction(transactionID)
    const hooks = t.payload.collections.news.config.hooks.afterChange
    const failAfterEnqueue: CollectionAfterChangeHook = ({ doc }) => {
      if (doc.title === '保存后出错') throw new Error('simulated failure after the queue row')
      return doc
    }
    hooks.push(failAfterEnqueue)
    try {
      await expect(
        t.payload.create({
          collection: 'news',
          data: { ...news, title: '保存后出错', _status: 'published' },
        }),
      ).rejects.toThrow('simulated')
    } finally {
      hooks.splice(hooks.indexOf(failAfterEnqueue), 1)
    }
    const saved = (
      await t.payload.find({ collection: 'news', where: { title: { equals: '保存后出错' } } })
    ).docs
    expect(saved).toHaveLength(transactionID ? 0 : 1)
    expect(await queued()).toEqual(saved.map((doc) => change('news', doc.id)))
  })

  it('POST /api/site-changes/rebuild: 202 for editors, 403 with a message for contributors and visitors', async () => {
    const accepted = await rest('POST', '/site-changes/rebuild', editor)
    expect(accepted.status).toBe(202)
    expect(await accepted.json()).toEqual({ queued: true })
    expect(await queued()).toEqual([{ kind: 'rebuild', targetCollection: null, documentId: null }])

    for (const user of [contributor, undefined]) {
      const refused = await rest('POST', '/site-changes/rebuild', user)
      expect(refused.status).toBe(403)
      expect((await refused.json()).errors[0].message).toBe(rebuildNotAllowedMessage)
    }
    expect(await queued()).toHaveLength(1)
  })

  it('the queue and site-status are for staff only, and written only through the Local API', async () => {
    await t.payload.updateGlobal({
      slug: 'site-status',
      data: { working: { task: '全量构建', since: new Date().toISOString() } },
    })
    expect((await rest('GET', '/globals/site-status')).status).toBe(403)
    expect((await rest('GET', '/site-changes')).status).toBe(403)
    expect((await rest('GET', '/site-changes/count')).status).toBe(403)
    // GraphQL, with the graphql module @payloadcms/graphql itself loads (vitest would load a second copy).
    const { schema } = configToSchema(t.payload.config)
    const { graphql } = (await import(
      createRequire(import.meta.resolve('@payloadcms/graphql')).resolve('graphql')
    )) as typeof import('graphql')
    const query = async (user?: unknown) =>
      (await graphql({
        schema,
        source: '{ SiteStatus { working { task } } SiteChanges { totalDocs } }',
        contextValue: {
          req: await createLocalReq({ user: user as never }, t.payload),
          headers: {},
        },
      })) as {
        data?: {
          SiteStatus?: { working: { task: string } } | null
          SiteChanges?: { totalDocs: number } | null
        } | null
        errors?: unknown[]
      }
    const anonymous = await query()
    expect(anonymous.data?.SiteStatus ?? null).toBeNull()
    expect(anonymous.data?.SiteChanges ?? null).toBeNull()
    expect(anonymous.errors?.length).toBe(2)
    const staff = await query(contributor)
    expect(staff.errors).toBeUndefined()
    expect(staff.data?.SiteStatus?.working.task).toBe('全量构建')
    await expect(
      t.payload.findGlobal({ slug: 'site-status', overrideAccess: false }),
    ).rejects.toThrow()

    const staffView = await rest('GET', '/globals/site-status', contributor)
    expect(staffView.status).toBe(200)
    expect((await staffView.json()).working.task).toBe('全量构建')
    expect((await rest('GET', '/site-changes/count', contributor)).status).toBe(200)

    const admin = await createUser(t.payload, 'admin')
    await expect(
      t.payload.updateGlobal({
        slug: 'site-status',
        data: { working: { task: '伪造' } },
        user: admin,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    await expect(
      t.payload.create({
        collection: 'site-changes',
        data: { kind: 'rebuild' },
        user: admin,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
  })

  it('the 预览 link is signed for staff and withheld from anyone else', async () => {
    const doc = await t.payload.create({
      collection: 'lectures',
      draft: true,
      data: { title: '预览讲座', series: 'policy', date: '2025-03-01T06:00:00.000Z' },
    })
    const preview = t.payload.collections.lectures.config.admin.preview!
    const siteUrl = process.env.SITE_URL
    process.env.SITE_URL = 'https://hongse.example/'
    let link: string | null
    try {
      link = await preview(doc as never, {
        locale: 'zh',
        req: { user: contributor } as never,
        token: null,
      })
    } finally {
      if (siteUrl === undefined) delete process.env.SITE_URL
      else process.env.SITE_URL = siteUrl
    }
    const url = new URL(link!)
    expect(`${url.origin}${url.pathname}`).toBe(
      `https://hongse.example/__preview/lectures/${doc.id}/`,
    )
    const params = {
      collection: 'lectures',
      id: doc.id,
      expires: url.searchParams.get('expires'),
      signature: url.searchParams.get('signature'),
    }
    expect(Number(params.expires) - Date.now() / 1000).toBeGreaterThan(29 * 60)
    expect(verifyPreview(params, 'test-secret')).toBe(true)
    expect(
      await preview(doc as never, { locale: 'zh', req: { user: null } as never, token: null }),
    ).toBeNull()
  })
})
