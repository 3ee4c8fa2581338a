import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeOnDatabase, startTestPayload, type TestPayload } from '../helpers/testPayload'

describeOnDatabase('drafts, versions, restore and scheduled publishing', () => {
  let t: TestPayload
  beforeAll(async () => {
    t = await startTestPayload()
  })
  afterAll(() => t?.close())

  const publicRead = (id: number | string, draft = false) =>
    t.payload.find({
      collection: 'news',
      where: { id: { equals: id } },
      overrideAccess: false,
      draft,
    })

  it('a draft saved over a published item stays private until published', async () => {
    const doc = await t.payload.create({
      collection: 'news',
      data: { title: '第一版', category: 'party-building', summary: '摘要', _status: 'published' },
    })
    await t.payload.update({
      collection: 'news',
      id: doc.id,
      draft: true,
      data: { title: '第二版（草稿）' },
    })
    expect((await publicRead(doc.id)).docs[0]?.title).toBe('第一版')
    expect((await publicRead(doc.id, true)).docs[0]?.title).toBe('第一版')
    const staffView = await t.payload.findByID({ collection: 'news', id: doc.id, draft: true })
    expect(staffView.title).toBe('第二版（草稿）')
    await t.payload.update({ collection: 'news', id: doc.id, data: { _status: 'published' } })
    expect((await publicRead(doc.id)).docs[0]?.title).toBe('第二版（草稿）')
  })

  it('versions are listed and an earlier one can be restored', async () => {
    const doc = await t.payload.create({
      collection: 'news',
      data: { title: '原标题', category: 'volunteer', summary: '摘要', _status: 'published' },
    })
    await t.payload.update({ collection: 'news', id: doc.id, data: { title: '改错的标题' } })
    const versions = await t.payload.findVersions({
      collection: 'news',
      where: { parent: { equals: doc.id } },
      sort: 'createdAt',
    })
    expect(versions.totalDocs).toBeGreaterThanOrEqual(2)
    const original = versions.docs.find((v) => v.version.title === '原标题')!
    await t.payload.restoreVersion({ collection: 'news', id: original.id })
    const restored = await t.payload.findByID({ collection: 'news', id: doc.id, draft: true })
    expect(restored.title).toBe('原标题')
  })

  it('publishedAt defaults to the moment of publishing; a set date is kept', async () => {
    const before = Date.now()
    const auto = await t.payload.create({
      collection: 'news',
      data: { title: '自动日期', category: 'volunteer', summary: 's', _status: 'published' },
    })
    expect(new Date(auto.publishedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000)
    const draft = await t.payload.create({
      collection: 'news',
      draft: true,
      data: { title: '草稿无日期', category: 'volunteer', summary: 's' },
    })
    expect(draft.publishedAt ?? null).toBeNull()
    const set = await t.payload.create({
      collection: 'news',
      data: {
        title: '指定日期',
        category: 'volunteer',
        summary: 's',
        publishedAt: '2023-07-01T02:00:00.000Z',
        _status: 'published',
      },
    })
    expect(set.publishedAt).toBe('2023-07-01T02:00:00.000Z')
  })

  it('a scheduled publish goes live when its time comes, with the latest draft', async () => {
    const doc = await t.payload.create({
      collection: 'news',
      draft: true,
      data: { title: '定时发布', category: 'governance', summary: '摘要' },
    })
    await t.payload.update({
      collection: 'news',
      id: doc.id,
      draft: true,
      data: { title: '定时发布（定稿）' },
    })
    await t.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'news', value: String(doc.id) } },
      waitUntil: new Date(Date.now() + 1500),
    } as never)
    await t.payload.jobs.run()
    expect((await publicRead(doc.id)).totalDocs).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 1600))
    await t.payload.jobs.run()
    const live = (await publicRead(doc.id)).docs[0]
    expect(live?.title).toBe('定时发布（定稿）')
    expect(live?.publishedAt).toBeTruthy()
  })

  it('a scheduled unpublish takes an item down', async () => {
    const doc = await t.payload.create({
      collection: 'lectures',
      data: {
        title: '定时下线的讲座',
        series: 'policy',
        date: '2025-03-01T06:00:00.000Z',
        _status: 'published',
      },
    })
    await t.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'unpublish', doc: { relationTo: 'lectures', value: String(doc.id) } },
      waitUntil: new Date(Date.now() - 1000),
    } as never)
    await t.payload.jobs.run()
    const found = await t.payload.find({
      collection: 'lectures',
      where: { id: { equals: doc.id } },
      overrideAccess: false,
    })
    expect(found.totalDocs).toBe(0)
  })
})
