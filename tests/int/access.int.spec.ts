import { createLocalReq } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { serverFunctions } from '../../cms/admin/serverFunctions'
import {
  contributorMayNotPublishMessage,
  contributorMayNotRestoreMessage,
} from '../../cms/hooks/keepContributorsToDrafts'
import {
  createUser,
  describeOnDatabase,
  startTestPayload,
  type TestPayload,
} from '../helpers/testPayload'

describeOnDatabase('access rules through the Local API (the HTTP matrix is in tests/e2e)', () => {
  let t: TestPayload
  let contributor: Awaited<ReturnType<typeof createUser>>
  let editor: Awaited<ReturnType<typeof createUser>>
  beforeAll(async () => {
    t = await startTestPayload()
    await createUser(t.payload, 'admin')
    contributor = await createUser(t.payload, 'contributor')
    editor = await createUser(t.payload, 'editor')
  })
  afterAll(() => t?.close())

  const news = { title: '投稿测试', category: 'party-building' as const, summary: '摘要' }
  const as = (user: unknown) => ({ user: user as never, overrideAccess: false })

  it('contributors write drafts but cannot publish, unpublish or delete', async () => {
    const draft = await t.payload.create({
      collection: 'news',
      draft: true,
      data: news,
      ...as(contributor),
    })
    expect(draft._status).toBe('draft')
    await t.payload.update({
      collection: 'news',
      id: draft.id,
      draft: true,
      data: { title: '投稿测试（改）' },
      ...as(contributor),
    })
    await expect(
      t.payload.update({
        collection: 'news',
        id: draft.id,
        data: { _status: 'published' },
        ...as(contributor),
      }),
    ).rejects.toThrow()
    await expect(
      t.payload.create({
        collection: 'news',
        data: { ...news, _status: 'published' },
        ...as(contributor),
      }),
    ).rejects.toThrow()
    await expect(
      t.payload.delete({ collection: 'news', id: draft.id, ...as(contributor) }),
    ).rejects.toThrow()

    const published = await t.payload.update({
      collection: 'news',
      id: draft.id,
      data: { _status: 'published' },
      ...as(editor),
    })
    expect(published._status).toBe('published')
    // Editing a published item: a draft is fine, a direct (live) save or an unpublish is not.
    await t.payload.update({
      collection: 'news',
      id: draft.id,
      draft: true,
      data: { title: '改稿' },
      ...as(contributor),
    })
    await expect(
      t.payload.update({
        collection: 'news',
        id: draft.id,
        data: { _status: 'draft' },
        ...as(contributor),
      }),
    ).rejects.toThrow(contributorMayNotPublishMessage)
    await expect(
      t.payload.update({
        collection: 'news',
        id: draft.id,
        data: { title: '直接改线上' },
        ...as(contributor),
      }),
    ).rejects.toThrow(contributorMayNotPublishMessage)
    expect((await t.payload.findByID({ collection: 'news', id: draft.id })).title).toBe(
      '投稿测试（改）',
    )

    await t.payload.update({
      collection: 'news',
      id: draft.id,
      data: { _status: 'draft' },
      ...as(editor),
    })
    await t.payload.delete({ collection: 'news', id: draft.id, ...as(editor) })
  })

  it('contributors cannot change catalogue entries, speakers, users or settings', async () => {
    await expect(
      t.payload.create({
        collection: 'books',
        data: { title: 'b', clc: 'D26', location: 'reading-room', copies: 1, available: 1 },
        ...as(contributor),
      }),
    ).rejects.toThrow()
    await expect(
      t.payload.create({ collection: 'speakers', data: { name: '某人' }, ...as(contributor) }),
    ).rejects.toThrow()
    await expect(
      t.payload.updateGlobal({ slug: 'site', data: { slogan: 'x' }, ...as(contributor) }),
    ).rejects.toThrow()
    await expect(
      t.payload.updateGlobal({ slug: 'site', data: { slogan: 'x' }, ...as(editor) }),
    ).rejects.toThrow()
    // A role change by a non-admin is refused (403), not answered 200 with nothing changed.
    for (const user of [contributor, editor]) {
      await expect(
        t.payload.update({
          collection: 'users',
          id: user.id,
          data: { roles: ['admin'] },
          ...as(user),
        }),
      ).rejects.toMatchObject({ status: 403 })
    }
    expect((await t.payload.findByID({ collection: 'users', id: contributor.id })).roles).toEqual([
      'contributor',
    ])
    // Saving one's own account with the roles unchanged (as the account form does) still works.
    await expect(
      t.payload.update({
        collection: 'users',
        id: contributor.id,
        data: { name: '投稿人甲', roles: ['contributor'] },
        ...as(contributor),
      }),
    ).resolves.toMatchObject({ name: '投稿人甲', roles: ['contributor'] })
    const visible = await t.payload.find({ collection: 'users', ...as(contributor) })
    expect(visible.docs.map((u) => u.id)).toEqual([contributor.id])
  })

  it('the public reads published documents only, never private fields or users', async () => {
    const live = await t.payload.create({
      collection: 'news',
      data: { ...news, title: '公开', editorialNote: '内部意见', _status: 'published' },
    })
    const hidden = await t.payload.create({
      collection: 'news',
      draft: true,
      data: { ...news, title: '未发布', editorialNote: '内部' },
    })
    const publicFind = await t.payload.find({
      collection: 'news',
      overrideAccess: false,
      draft: true,
    })
    expect(publicFind.docs.map((d) => d.title)).toEqual(['公开'])
    expect(publicFind.docs[0]).not.toHaveProperty('editorialNote')
    await expect(
      t.payload.findByID({ collection: 'news', id: hidden.id, overrideAccess: false, draft: true }),
    ).rejects.toThrow()
    await expect(t.payload.find({ collection: 'users', overrideAccess: false })).rejects.toThrow()
    await expect(
      t.payload.findVersions({ collection: 'news', overrideAccess: false }),
    ).rejects.toThrow()
    const staff = await t.payload.findByID({ collection: 'news', id: live.id, ...as(contributor) })
    expect(staff.editorialNote).toBe('内部意见')
  })

  it('contributors cannot restore a version of a published document (which would unpublish it); editors can', async () => {
    const doc = await t.payload.create({
      collection: 'news',
      draft: true,
      data: { ...news, title: '版本一' },
      ...as(contributor),
    })
    await t.payload.update({
      collection: 'news',
      id: doc.id,
      draft: true,
      data: { title: '版本二' },
      ...as(contributor),
    })
    const versionOf = async (title: string) =>
      (
        await t.payload.findVersions({
          collection: 'news',
          where: { and: [{ parent: { equals: doc.id } }, { 'version.title': { equals: title } }] },
        })
      ).docs[0]!
    // A draft-only document: restoring is ordinary draft work.
    await t.payload.restoreVersion({
      collection: 'news',
      id: (await versionOf('版本一')).id,
      ...as(contributor),
    })

    await t.payload.update({
      collection: 'news',
      id: doc.id,
      data: { title: '已发布', _status: 'published' },
      ...as(editor),
    })
    for (const title of ['版本一', '版本二']) {
      await expect(
        t.payload.restoreVersion({
          collection: 'news',
          id: (await versionOf(title)).id,
          ...as(contributor),
        }),
      ).rejects.toThrow(contributorMayNotRestoreMessage)
    }
    const live = await t.payload.find({
      collection: 'news',
      where: { id: { equals: doc.id } },
      overrideAccess: false,
    })
    expect(live.docs[0]?.title).toBe('已发布')
    await t.payload.restoreVersion({
      collection: 'news',
      id: (await versionOf('版本二')).id,
      ...as(editor),
    })
    expect((await t.payload.findByID({ collection: 'news', id: doc.id, draft: true })).title).toBe(
      '版本二',
    )
  })

  it('contributors cannot schedule, cancel or run publishing jobs; editors can', async () => {
    const doc = await t.payload.create({
      collection: 'news',
      data: { ...news, title: '定时撤下', _status: 'published' },
    })
    const schedulePublish = serverFunctions['schedule-publish']!
    const call = async (user: typeof editor, args: Record<string, unknown>) =>
      schedulePublish({
        ...args,
        req: await createLocalReq({ user: user as never }, t.payload),
      } as never)
    const when = new Date(Date.now() + 3600_000)
    await call(editor, {
      type: 'unpublish',
      date: when,
      doc: { relationTo: 'news', value: doc.id },
    })
    const jobs = () =>
      t.payload.find({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'schedulePublish' } },
      })
    const [job] = (await jobs()).docs
    expect(job).toBeTruthy()

    // Payload's own handler deletes any scheduled job by `deleteID` for anyone who may use the admin.
    await expect(
      call(contributor, {
        type: 'publish',
        date: when,
        deleteID: job!.id,
        doc: { relationTo: 'news', value: doc.id },
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      call(contributor, {
        type: 'unpublish',
        date: when,
        doc: { relationTo: 'news', value: doc.id },
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await jobs()).docs.map((j) => j.id)).toEqual([job!.id])

    const req = await createLocalReq({ user: contributor as never }, t.payload)
    await expect(
      t.payload.jobs.queue({
        task: 'schedulePublish',
        input: { type: 'unpublish', doc: { relationTo: 'news', value: String(doc.id) } },
        overrideAccess: false,
        req,
      } as never),
    ).rejects.toThrow()
    await expect(
      t.payload.jobs.cancelByID({ id: job!.id, overrideAccess: false, req } as never),
    ).rejects.toThrow()
    expect((await jobs()).docs.map((j) => j.id)).toEqual([job!.id])

    // The editor may replace the schedule (delete + queue in one call).
    expect(
      await call(editor, {
        type: 'publish',
        date: when,
        deleteID: job!.id,
        doc: { relationTo: 'news', value: doc.id },
      }),
    ).not.toHaveProperty('error')
    expect((await jobs()).docs.map((j) => (j.input as { type: string }).type)).toEqual(['publish'])
  })

  it('a duplicate gets a valid, unique slug and starts as a draft', async () => {
    const original = await t.payload.create({
      collection: 'news',
      data: { ...news, title: '复制测试', _status: 'published' },
    })
    for (const user of [editor, contributor]) {
      const copy = await t.payload.duplicate({ collection: 'news', id: original.id, ...as(user) })
      expect(copy.slug).toMatch(/^fu-zhi-ce-shi-\d+$/)
      expect(copy.slug).not.toBe(original.slug)
      expect(copy._status).toBe('draft')
    }
  })
})
