import { afterAll, beforeAll, expect, it } from 'vitest'
import { contributorMayNotPublishMessage } from '../../cms/hooks/keepContributorsToDrafts'
import { createUser, describeOnDatabase, startTestPayload, type TestPayload } from '../helpers/testPayload'

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
    const draft = await t.payload.create({ collection: 'news', draft: true, data: news, ...as(contributor) })
    expect(draft._status).toBe('draft')
    await t.payload.update({ collection: 'news', id: draft.id, draft: true, data: { title: '投稿测试（改）' }, ...as(contributor) })
    await expect(t.payload.update({ collection: 'news', id: draft.id, data: { _status: 'published' }, ...as(contributor) })).rejects.toThrow()
    await expect(t.payload.create({ collection: 'news', data: { ...news, _status: 'published' }, ...as(contributor) })).rejects.toThrow()
    await expect(t.payload.delete({ collection: 'news', id: draft.id, ...as(contributor) })).rejects.toThrow()

    const published = await t.payload.update({ collection: 'news', id: draft.id, data: { _status: 'published' }, ...as(editor) })
    expect(published._status).toBe('published')
    // Editing a published item: a draft is fine, a direct (live) save or an unpublish is not.
    await t.payload.update({ collection: 'news', id: draft.id, draft: true, data: { title: '改稿' }, ...as(contributor) })
    await expect(t.payload.update({ collection: 'news', id: draft.id, data: { _status: 'draft' }, ...as(contributor) })).rejects.toThrow(
      contributorMayNotPublishMessage,
    )
    await expect(t.payload.update({ collection: 'news', id: draft.id, data: { title: '直接改线上' }, ...as(contributor) })).rejects.toThrow(
      contributorMayNotPublishMessage,
    )
    expect((await t.payload.findByID({ collection: 'news', id: draft.id })).title).toBe('投稿测试（改）')

    await t.payload.update({ collection: 'news', id: draft.id, data: { _status: 'draft' }, ...as(editor) })
    await t.payload.delete({ collection: 'news', id: draft.id, ...as(editor) })
  })

  it('contributors cannot change catalogue entries, speakers, users or settings', async () => {
    await expect(t.payload.create({ collection: 'books', data: { title: 'b', clc: 'D26', location: 'reading-room', copies: 1, available: 1 }, ...as(contributor) })).rejects.toThrow()
    await expect(t.payload.create({ collection: 'speakers', data: { name: '某人' }, ...as(contributor) })).rejects.toThrow()
    await expect(t.payload.updateGlobal({ slug: 'site', data: { slogan: 'x' }, ...as(contributor) })).rejects.toThrow()
    await expect(t.payload.updateGlobal({ slug: 'site', data: { slogan: 'x' }, ...as(editor) })).rejects.toThrow()
    await expect(
      t.payload.update({ collection: 'users', id: contributor.id, data: { roles: ['admin'] }, ...as(contributor) }),
    ).resolves.toMatchObject({ roles: ['contributor'] })
    const visible = await t.payload.find({ collection: 'users', ...as(contributor) })
    expect(visible.docs.map((u) => u.id)).toEqual([contributor.id])
  })

  it('the public reads published documents only, never private fields or users', async () => {
    const live = await t.payload.create({ collection: 'news', data: { ...news, title: '公开', editorialNote: '内部意见', _status: 'published' } })
    const hidden = await t.payload.create({ collection: 'news', draft: true, data: { ...news, title: '未发布', editorialNote: '内部' } })
    const publicFind = await t.payload.find({ collection: 'news', overrideAccess: false, draft: true })
    expect(publicFind.docs.map((d) => d.title)).toEqual(['公开'])
    expect(publicFind.docs[0]).not.toHaveProperty('editorialNote')
    await expect(t.payload.findByID({ collection: 'news', id: hidden.id, overrideAccess: false, draft: true })).rejects.toThrow()
    await expect(t.payload.find({ collection: 'users', overrideAccess: false })).rejects.toThrow()
    await expect(t.payload.findVersions({ collection: 'news', overrideAccess: false })).rejects.toThrow()
    const staff = await t.payload.findByID({ collection: 'news', id: live.id, ...as(contributor) })
    expect(staff.editorialNote).toBe('内部意见')
  })
})
