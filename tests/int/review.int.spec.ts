/**
 * Review before publishing (三审) through REST, GraphQL and the Local API with a user: the state
 * machine for each role, and every path that could publish without the required approvals.
 */
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { serverFunctions } from '../../cms/admin/serverFunctions'
import { reviewMessages } from '../../cms/review/reviewRules'
import { returnCommentMaxLength } from '../../cms/review/reviewStates'
import { apiClient, type ApiClient, type Json } from '../helpers/apiClient'
import { startApiServer, type ApiServer } from '../helpers/apiServer'
import {
  createUser,
  describeOnDatabase,
  startTestPayload,
  type TestPayload,
} from '../helpers/testPayload'

type User = Awaited<ReturnType<typeof createUser>>
type Role = 'contributor' | 'editor' | 'editor2' | 'admin'

describeOnDatabase('review before publishing', () => {
  let t: TestPayload
  let server: ApiServer
  let api: ApiClient
  const users = {} as Record<Role, User>
  const tokens = {} as Record<Role, string>

  beforeAll(async () => {
    t = await startTestPayload()
    server = await startApiServer()
    api = apiClient(server.url)
    users.admin = await createUser(t.payload, 'admin')
    users.contributor = await createUser(t.payload, 'contributor')
    users.editor = await createUser(t.payload, 'editor')
    users.editor2 = await createUser(t.payload, 'editor')
    for (const role of Object.keys(users) as Role[])
      tokens[role] = await api.login(users[role].email)
  })
  afterAll(async () => {
    await server?.close()
    await t?.close()
  })

  const settings = (reviewSteps: 0 | 1 | 2, editorsNeedReview = false) =>
    t.payload.updateGlobal({ slug: 'site', data: { reviewSteps, editorsNeedReview } })
  beforeEach(() => settings(1))

  let run = 0
  /** A draft news item written by `role` over REST. */
  async function draft(role: Role = 'contributor', title = `审核测试 ${++run}`) {
    const { status, body } = await api.rest('POST', '/api/news?draft=true', {
      token: tokens[role],
      body: { title, category: 'party-building', summary: '待审核的摘要' },
    })
    expect(status, JSON.stringify(body)).toBe(201)
    return body.doc.id as number
  }
  const review = (role: Role, id: number, action: string, comment?: string) =>
    api.rest('POST', `/api/news/${id}/review/${action}`, {
      token: tokens[role],
      body: comment === undefined ? undefined : { comment },
    })
  const reviewByGraphQL = (role: Role, id: number, action: string, comment?: string) =>
    api.gql(
      `mutation ($id: String!, $action: ReviewAction!, $comment: String) {
        reviewDocument(collection: news, id: $id, action: $action, comment: $comment) {
          id status statusLabel approvals published message
        }
      }`,
      { token: tokens[role], variables: { id: String(id), action, comment } },
    )
  const latest = (id: number) =>
    t.payload.findByID({ collection: 'news', id, draft: true, depth: 0 }) as Promise<Json>
  const live = async (id: number) =>
    (
      await t.payload.find({
        collection: 'news',
        where: { id: { equals: id } },
        overrideAccess: false,
        depth: 0,
      })
    ).docs[0]
  const patch = (role: Role, id: number, body: object, query = '') =>
    api.rest('PATCH', `/api/news/${id}${query}`, { token: tokens[role], body })
  const message = (body: { errors?: { message: string }[] }) => body.errors?.[0]?.message

  describe('the state machine', () => {
    it('with reviewSteps 0 (the default) editors publish directly and nothing is submitted', async () => {
      await settings(0)
      const id = await draft()
      const submit = await review('contributor', id, 'submit')
      expect(submit.status).toBe(409)
      expect(message(submit.body)).toBe(reviewMessages.reviewOff)
      expect((await patch('editor', id, { _status: 'published' })).status).toBe(200)
      expect((await live(id))?.title).toBeTruthy()
    })

    it('contributor submits, editor returns with a comment, contributor fixes and resubmits, editor approves and publishes', async () => {
      const id = await draft('contributor')
      const submitted = await review('contributor', id, 'submit')
      expect(submitted.status).toBe(200)
      expect(submitted.body).toMatchObject({ status: 'pending', statusLabel: '待审核' })
      const pending = (await latest(id)).review
      expect(pending.status).toBe('pending')
      expect(pending.submittedBy).toBe(users.contributor.id)
      expect(pending.submittedAt).toBeTruthy()

      // A contributor neither decides nor submits twice.
      for (const action of ['approve', 'approve-and-publish', 'return'])
        expect((await review('contributor', id, action, '意见')).status, action).toBe(403)
      expect((await review('contributor', id, 'submit')).status).toBe(409)

      // 退回 needs a comment, and a bounded one.
      const noComment = await review('editor', id, 'return')
      expect(noComment.status).toBe(400)
      expect(message(noComment.body)).toBe(reviewMessages.commentRequired)
      expect((await review('editor', id, 'return', '   ')).status).toBe(400)
      const long = await review('editor', id, 'return', '改'.repeat(10_000))
      expect(long.status).toBe(400)
      expect(message(long.body)).toBe(reviewMessages.commentTooLong)
      expect(
        (await review('editor', id, 'return', '改'.repeat(returnCommentMaxLength + 1))).status,
      ).toBe(400)
      const notText = await api.rest('POST', `/api/news/${id}/review/return`, {
        token: tokens.editor,
        body: { comment: { text: '对象' } },
      })
      expect(notText.status).toBe(400)

      const returned = await review('editor', id, 'return', '请补充活动时间和地点。')
      expect(returned.status).toBe(200)
      const seen = await api.rest('GET', `/api/news/${id}?draft=true&depth=0`, {
        token: tokens.contributor,
      })
      expect(seen.body.review).toMatchObject({
        status: 'returned',
        returnComment: '请补充活动时间和地点。',
        returnedBy: users.editor.id,
      })
      // Nobody decides a returned item again until it is resubmitted.
      expect((await review('editor', id, 'approve')).status).toBe(409)

      // The fix, then resubmission through GraphQL.
      expect(
        (
          await patch(
            'contributor',
            id,
            { summary: '时间：周五下午；地点：三楼会议室。' },
            '?draft=true',
          )
        ).status,
      ).toBe(200)
      expect((await latest(id)).review.status).toBe('returned')
      const resubmitted = await reviewByGraphQL('contributor', id, 'submit')
      expect(resubmitted.status).toBe(200)
      expect(resubmitted.body.data?.reviewDocument).toMatchObject({ status: 'pending' })
      expect(await live(id)).toBeUndefined()

      const published = await review('editor', id, 'approve-and-publish')
      expect(published.status, JSON.stringify(published.body)).toBe(200)
      expect(published.body).toMatchObject({ status: 'approved', published: true })
      const online = await live(id)
      expect(online?.summary).toBe('时间：周五下午；地点：三楼会议室。')
      const approved = (await latest(id)).review
      expect(approved.approvals.map((a: { reviewer: number }) => a.reviewer)).toEqual([
        users.editor.id,
      ])
    })

    it('通过 approves without publishing; an editor publishes later', async () => {
      const id = await draft()
      await review('contributor', id, 'submit')
      const approved = await reviewByGraphQL('admin', id, 'approve')
      expect(approved.body.data?.reviewDocument).toMatchObject({
        status: 'approved',
        approvals: 1,
        published: false,
      })
      expect(await live(id)).toBeUndefined()
      expect((await patch('editor', id, { _status: 'published' })).status).toBe(200)
      expect(await live(id)).toBeTruthy()
    })

    it('a renamed live page keeps its old address once the rename is approved and published', async () => {
      const id = await draft('contributor', `审核改名 ${++run}`)
      await review('contributor', id, 'submit')
      expect((await review('editor', id, 'approve-and-publish')).status).toBe(200)
      const oldSlug = (await live(id))?.slug as string
      const newSlug = `${oldSlug}-gai`
      expect((await patch('contributor', id, { slug: newSlug }, '?draft=true')).status).toBe(200)
      const redirectsFrom = async () =>
        (
          await t.payload.find({
            collection: 'redirects',
            where: { from: { equals: `/news/${oldSlug}/` } },
            depth: 0,
          })
        ).docs
      // A draft rename is not live, so the old address is still the page.
      expect(await redirectsFrom()).toHaveLength(0)
      await review('contributor', id, 'submit')
      expect((await review('editor2', id, 'approve-and-publish')).status).toBe(200)
      expect((await live(id))?.slug).toBe(newSlug)
      expect((await redirectsFrom()).map((redirect) => redirect.to)).toEqual([
        { type: 'reference', reference: { relationTo: 'news', value: id }, url: null },
      ])
      // The automatic redirect is in the audit log like any other change.
      const logged = await t.payload.find({
        collection: 'audit-log',
        where: { targetCollection: { equals: 'redirects' } },
        depth: 0,
      })
      expect(logged.totalDocs).toBeGreaterThan(0)
    })

    it('nobody approves their own submission; editors need review when the site says so', async () => {
      await settings(1, true)
      const id = await draft('editor')
      const direct = await patch('editor', id, { _status: 'published' })
      expect(direct.status).toBe(403)
      expect(message(direct.body)).toBe(reviewMessages.publishNeedsApproval(1))
      expect((await review('editor', id, 'submit')).status).toBe(200)
      for (const action of ['approve', 'approve-and-publish', 'return']) {
        const own = await review('editor', id, action, '自己的')
        expect(own.status, action).toBe(403)
        expect(message(own.body)).toBe(reviewMessages.ownSubmission)
      }
      const ownByGraphQL = await reviewByGraphQL('editor', id, 'approve')
      expect(ownByGraphQL.status).toBe(403)
      expect(ownByGraphQL.body.errors?.[0]?.message).toBe(reviewMessages.ownSubmission)
      expect((await review('editor2', id, 'approve-and-publish')).status).toBe(200)
      expect(await live(id)).toBeTruthy()
    })

    it('two steps need two different reviewers, neither of them the submitter', async () => {
      await settings(2)
      const id = await draft('contributor')
      await review('contributor', id, 'submit')
      const early = await review('editor', id, 'approve-and-publish')
      expect(early.status).toBe(409)
      expect(message(early.body)).toBe(reviewMessages.needsSecondReviewer)
      const first = await review('editor', id, 'approve')
      expect(first.body).toMatchObject({ status: 'pending' })
      expect((await latest(id)).review.approvals).toHaveLength(1)
      const again = await review('editor', id, 'approve-and-publish')
      expect(again.status).toBe(403)
      expect(message(again.body)).toBe(reviewMessages.sameReviewerTwice)
      // An exempt editor may not step around the second reviewer either.
      expect((await patch('editor', id, { _status: 'published' })).status).toBe(403)
      expect(await live(id)).toBeUndefined()
      const second = await reviewByGraphQL('editor2', id, 'approve_and_publish')
      expect(second.body.data?.reviewDocument).toMatchObject({
        status: 'approved',
        approvals: 2,
        published: true,
      })
      expect(await live(id)).toBeTruthy()
    })

    it('editing a document under review sends it back to draft with a note; an unchanged save does not', async () => {
      const id = await draft('contributor')
      await review('contributor', id, 'submit')
      const before = await latest(id)
      // The form sent back as it is (what the admin does on a save without changes).
      const unchanged: Json = { ...before }
      for (const key of ['id', 'createdAt', 'updatedAt', 'review']) delete unchanged[key]
      expect((await patch('contributor', id, unchanged, '?draft=true')).status).toBe(200)
      expect((await latest(id)).review.status).toBe('pending')

      // An autosave with a change, as the admin sends it.
      expect(
        (await patch('contributor', id, { title: '审核中改了标题' }, '?draft=true&autosave=true'))
          .status,
      ).toBe(200)
      const reset = (await latest(id)).review
      expect(reset.status).toBe('draft')
      expect(reset.approvals).toEqual([])
      expect(reset.note).toContain('已退回草稿')
      expect(reset.resetAt).toBeTruthy()
      expect((await review('editor', id, 'approve')).status).toBe(409)

      // An approved one too, whoever edits it, also through GraphQL.
      await review('contributor', id, 'submit')
      await review('editor', id, 'approve')
      expect((await latest(id)).review.status).toBe('approved')
      const edit = await api.gql(
        `mutation ($id: Int!) { updateNewsItem(id: $id, draft: true, data: { summary: "通过后又改" }) { id } }`,
        { token: tokens.editor2, variables: { id } },
      )
      expect(edit.status, JSON.stringify(edit.body)).toBe(200)
      expect((await latest(id)).review.status).toBe('draft')
      expect((await patch('editor', id, { _status: 'published' })).status).toBe(200) // exempt editor, own decision
    })

    it('refuses what makes no sense: unknown action, no login, missing document, undecidable state', async () => {
      const id = await draft()
      expect((await review('contributor', id, 'publish')).status).toBe(400)
      expect((await api.rest('POST', `/api/news/${id}/review/submit`)).status).toBe(401)
      expect((await review('editor', 999_999, 'approve')).status).toBe(404)
      expect((await review('editor', id, 'approve')).status).toBe(409)
      expect((await review('editor', id, 'return', '还没提交')).status).toBe(409)
      expect(
        (await api.rest('POST', `/api/books/1/review/submit`, { token: tokens.editor })).status,
      ).toBe(404)
    })
  })

  describe('no path publishes without the required approvals', () => {
    beforeEach(() => settings(1, true))

    it('PATCH _status, POST create published, bulk PATCH, for contributors and editors', async () => {
      const id = await draft('contributor')
      await review('contributor', id, 'submit')
      for (const role of ['contributor', 'editor', 'admin'] as const) {
        expect((await patch(role, id, { _status: 'published' })).status, role).toBe(403)
        const created = await api.rest('POST', '/api/news', {
          token: tokens[role],
          body: {
            title: `直接发布 ${role}`,
            category: 'volunteer',
            summary: 's',
            _status: 'published',
          },
        })
        expect(created.status, role).toBe(403)
      }
      const bulk = await api.rest('PATCH', `/api/news?where[id][equals]=${id}`, {
        token: tokens.editor,
        body: { _status: 'published' },
      })
      expect(bulk.body.docs ?? []).toHaveLength(0)
      expect(await live(id)).toBeUndefined()
      expect(
        (await t.payload.count({ collection: 'news', where: { title: { like: '直接发布' } } }))
          .totalDocs,
      ).toBe(0)
    })

    it('forged review fields in a body are ignored, and do not open publishing', async () => {
      const id = await draft('contributor')
      const forged = {
        status: 'approved',
        submittedBy: users.contributor.id,
        approvals: [
          { reviewer: users.editor.id, at: new Date().toISOString() },
          { reviewer: users.editor2.id, at: new Date().toISOString() },
        ],
      }
      expect((await patch('contributor', id, { review: forged }, '?draft=true')).status).toBe(200)
      // As the admin form sends its read-only copy (an empty list of approvals as 0).
      expect(
        (
          await patch(
            'contributor',
            id,
            { review: { status: 'returned', approvals: 0 } },
            '?draft=true',
          )
        ).status,
      ).toBe(200)
      expect((await latest(id)).review).toMatchObject({ status: 'draft', approvals: [] })
      expect((await patch('editor', id, { _status: 'published', review: forged })).status).toBe(403)
      const create = await api.rest('POST', '/api/news', {
        token: tokens.editor,
        body: {
          title: '伪造审核',
          category: 'volunteer',
          summary: 's',
          _status: 'published',
          review: forged,
        },
      })
      expect(create.status).toBe(403)
      const gql = await api.gql(
        `mutation ($id: Int!) { updateNewsItem(id: $id, data: { _status: published, review: { status: approved } }) { id } }`,
        { token: tokens.editor, variables: { id } },
      )
      expect(gql.status).toBe(403)
      // The Local API with a user, with and without access control.
      for (const overrideAccess of [true, false])
        await expect(
          t.payload.update({
            collection: 'news',
            id,
            data: { _status: 'published', review: forged as never },
            user: users.editor as never,
            overrideAccess,
          }),
        ).rejects.toMatchObject({ status: 403 })
      expect(await live(id)).toBeUndefined()
      expect((await latest(id)).review.status).toBe('draft')
    })

    it('GraphQL create and update refuse to publish, with a 4xx', async () => {
      const id = await draft('contributor')
      const update = await api.gql(
        `mutation ($id: Int!) { updateNewsItem(id: $id, data: { _status: published }) { id _status } }`,
        { token: tokens.editor, variables: { id } },
      )
      expect(update.status).toBe(403)
      expect(update.body.errors?.[0]?.message).toBe(reviewMessages.publishNeedsApproval(1))
      const create = await api.gql(
        `mutation { createNewsItem(data: { title: "图形接口直接发布", category: party_building, summary: "s", _status: published }) { id } }`,
        { token: tokens.editor },
      )
      expect(create.status).toBe(403)
      expect(await live(id)).toBeUndefined()
    })

    it('restoring a published version is publishing; restoring as a draft is not', async () => {
      await settings(0)
      const doc = await t.payload.create({
        collection: 'news',
        data: {
          title: '恢复版本测试',
          category: 'volunteer',
          summary: '第一版',
          _status: 'published',
        },
      })
      await settings(1, true)
      await patch('editor', doc.id, { summary: '第二版草稿' }, '?draft=true')
      const { docs } = await t.payload.findVersions({
        collection: 'news',
        where: {
          and: [{ parent: { equals: doc.id } }, { 'version._status': { equals: 'published' } }],
        },
        sort: 'createdAt',
      })
      const first = docs[0]!
      const restore = await api.rest('POST', `/api/news/versions/${first.id}`, {
        token: tokens.editor,
      })
      expect(restore.status).toBe(403)
      const gql = await api.gql(`mutation ($id: Int!) { restoreVersionNewsItem(id: $id) { id } }`, {
        token: tokens.editor,
        variables: { id: first.id },
      })
      expect(gql.status).toBe(403)
      expect((await live(doc.id))?.summary).toBe('第一版')
      const asDraft = await api.rest('POST', `/api/news/versions/${first.id}?draft=true`, {
        token: tokens.editor,
      })
      expect(asDraft.status, JSON.stringify(asDraft.body)).toBe(200)
      expect((await latest(doc.id)).summary).toBe('第一版')
    })

    it('a scheduled publish waits for approval: refused when scheduled, and refused when it runs', async () => {
      const id = await draft('contributor')
      const schedule = serverFunctions['schedule-publish']!
      const req = await createLocalReq({ user: users.editor as never }, t.payload)
      await expect(
        schedule({
          req,
          type: 'publish',
          date: new Date(Date.now() - 1000),
          doc: { relationTo: 'news', value: id },
        } as never),
      ).rejects.toMatchObject({ status: 403 })

      // Queued anyway (Local API, or approved and then edited): the job runs as its scheduler.
      await t.payload.jobs.queue({
        task: 'schedulePublish',
        input: {
          type: 'publish',
          doc: { relationTo: 'news', value: String(id) },
          user: { relationTo: 'users', value: users.editor.id },
        },
        waitUntil: new Date(Date.now() - 1000),
      } as never)
      await t.payload.jobs.run()
      expect(await live(id)).toBeUndefined()

      // Approved: scheduling is accepted and the job publishes.
      await review('contributor', id, 'submit')
      await review('editor2', id, 'approve')
      const accepted = await schedule({
        req: await createLocalReq({ user: users.editor as never }, t.payload),
        type: 'publish',
        date: new Date(Date.now() - 1000),
        doc: { relationTo: 'news', value: id },
      } as never)
      expect(accepted).not.toHaveProperty('error')
      await t.payload.jobs.run()
      expect(await live(id)).toBeTruthy()
    })

    it('a duplicate of approved content starts outside review', async () => {
      const id = await draft('contributor')
      await review('contributor', id, 'submit')
      await review('editor', id, 'approve')
      const copy = await api.rest('POST', `/api/news/${id}/duplicate`, { token: tokens.editor })
      expect(copy.status, JSON.stringify(copy.body)).toBe(200)
      expect((await latest(copy.body.doc.id)).review).toMatchObject({
        status: 'draft',
        approvals: [],
      })
      expect((await patch('editor', copy.body.doc.id, { _status: 'published' })).status).toBe(403)
    })

    it('other reviewed collections follow the same rules', async () => {
      const lecture = await api.rest('POST', '/api/lectures?draft=true', {
        token: tokens.contributor,
        body: { title: '审核讲座', series: 'policy', date: '2026-03-01T06:00:00.000Z' },
      })
      const id = lecture.body.doc.id
      expect(
        (
          await api.rest('PATCH', `/api/lectures/${id}`, {
            token: tokens.editor,
            body: { _status: 'published' },
          })
        ).status,
      ).toBe(403)
      expect(
        (await api.rest('POST', `/api/lectures/${id}/review/submit`, { token: tokens.contributor }))
          .status,
      ).toBe(200)
      const done = await api.rest('POST', `/api/lectures/${id}/review/approve-and-publish`, {
        token: tokens.admin,
      })
      expect(done.status, JSON.stringify(done.body)).toBe(200)
      const gql = await api.gql(
        `mutation { reviewDocument(collection: exhibitions, id: "999999", action: submit) { id } }`,
        { token: tokens.editor },
      )
      expect(gql.status).toBe(404)
    })
  })
})
