/**
 * The audit log (操作日志): every action of issue 13 is recorded, with who, what and a
 * before/after summary without secrets, in the change's own transaction; entries can be read by
 * admins only and changed or deleted by no one, through REST, GraphQL or the Local API.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { serverFunctions } from '../../cms/admin/serverFunctions'
import { auditLogIsAppendOnlyMessage } from '../../cms/collections/AuditLog'
import { failedLoginsByAddress } from '../../cms/collections/Users/hooks/throttleLogins'
import { applyImport } from '../../cms/bookImport/applyImport'
import { prepareBookImport } from '../../cms/bookImport/importBooks'
import { apiClient, type ApiClient } from '../helpers/apiClient'
import { catalogue, toCsv } from '../helpers/bookCatalogue'
import { startApiServer, type ApiServer } from '../helpers/apiServer'
import {
  createUser,
  describeOnDatabase,
  skipDatabase,
  startTestPayload,
  type TestPayload,
} from '../helpers/testPayload'

type User = Awaited<ReturnType<typeof createUser>>
type Role = 'admin' | 'editor' | 'contributor'
interface Entry {
  id: number | string
  action: string
  actor: number | string | null
  actorName: string
  targetCollection: string
  documentId: string | null
  documentTitle: string | null
  summary: string | null
  changes: { field: string; before?: string | null; after?: string | null }[] | null
  clientAddress: string | null
  createdAt: string
}

describeOnDatabase('audit log', () => {
  let t: TestPayload
  let server: ApiServer
  let api: ApiClient
  const users = {} as Record<Role, User>
  const tokens = {} as Record<Role, string>

  beforeAll(async () => {
    process.env.TRUST_PROXY = '1' // tests choose their client address with X-Forwarded-For
    t = await startTestPayload()
    server = await startApiServer()
    api = apiClient(server.url)
    for (const role of ['admin', 'editor', 'contributor'] as const) {
      users[role] = await createUser(t.payload, role)
      tokens[role] = await api.login(users[role].email)
    }
  })
  afterAll(async () => {
    delete process.env.TRUST_PROXY
    await server?.close()
    await t?.close()
  })

  /** The entries since `since`, oldest first (read past access: the test is the auditor). */
  async function entries(where: Record<string, unknown> = {}): Promise<Entry[]> {
    const { docs } = await t.payload.find({
      collection: 'audit-log',
      where: where as never,
      sort: 'createdAt',
      limit: 1000,
      depth: 0,
    })
    return docs as unknown as Entry[]
  }
  let testStarted = ''
  beforeEach(() => {
    testStarted = new Date().toISOString()
  })
  /** A document's entries from this test (SQLite may give a deleted document's id to a new one). */
  const forDocument = (collection: string, id: number | string) =>
    entries({
      and: [
        { targetCollection: { equals: collection } },
        { documentId: { equals: String(id) } },
        { createdAt: { greater_than_equal: testStarted } },
      ],
    })
  const actions = (list: Entry[]) => list.map((entry) => entry.action)

  describe('what is recorded', () => {
    it('create, update, publish, unpublish and delete of content, with who and what changed', async () => {
      const created = await api.rest('POST', '/api/news?draft=true', {
        token: tokens.contributor,
        body: { title: '日志测试', category: 'party-building', summary: '第一版摘要' },
      })
      const id = created.body.doc.id
      await api.rest('PATCH', `/api/news/${id}?draft=true`, {
        token: tokens.contributor,
        body: { summary: '第二版摘要' },
      })
      await api.rest('PATCH', `/api/news/${id}`, {
        token: tokens.editor,
        body: { _status: 'published' },
      })
      await api.rest('PATCH', `/api/news/${id}`, {
        token: tokens.editor,
        body: { _status: 'draft' },
      })
      await api.rest('DELETE', `/api/news/${id}`, { token: tokens.editor })

      const log = await forDocument('news', id)
      expect(actions(log)).toEqual(['create', 'update', 'publish', 'unpublish', 'delete'])
      const [create, update, publish] = log
      expect(create).toMatchObject({
        actor: users.contributor.id,
        actorName: expect.stringContaining(users.contributor.email),
        documentTitle: '日志测试',
      })
      expect(create.changes).toContainEqual(
        expect.objectContaining({ field: 'title', before: null, after: '日志测试' }),
      )
      expect(update.changes).toEqual([
        expect.objectContaining({ field: 'summary', before: '第一版摘要', after: '第二版摘要' }),
      ])
      expect(publish.actor).toBe(users.editor.id)
      expect(publish.changes).toContainEqual(
        expect.objectContaining({ field: '_status', before: 'draft', after: 'published' }),
      )
      expect(log[4].actor).toBe(users.editor.id)
    })

    it('an autosave burst is one entry; books and the site settings are recorded', async () => {
      const { id } = await t.payload.create({
        collection: 'news',
        draft: true,
        data: { title: '自动保存', category: 'volunteer', summary: 'a' },
      })
      for (const summary of ['b', 'c', 'd'])
        await api.rest('PATCH', `/api/news/${id}?draft=true&autosave=true`, {
          token: tokens.editor,
          body: { summary },
        })
      const log = await forDocument('news', id)
      expect(actions(log)).toEqual(['create', 'update'])
      expect(log[0].actorName).toBe('系统')
      expect(log[1].summary).toMatch(/^自动保存/)

      const book = await api.rest('POST', '/api/books', {
        token: tokens.editor,
        body: { title: '日志图书', clc: 'D26', location: 'reading-room' },
      })
      expect(book.status, JSON.stringify(book.body)).toBe(201)
      expect(actions(await forDocument('books', book.body.doc.id))).toEqual(['create'])

      await api.rest('POST', '/api/globals/site', {
        token: tokens.admin,
        body: { slogan: '新口号' },
      })
      const site = await entries({ targetCollection: { equals: 'site' } })
      expect(site.at(-1)).toMatchObject({ action: 'update', actor: users.admin.id })
      expect(site.at(-1)!.changes).toContainEqual(
        expect.objectContaining({ field: 'slogan', after: '新口号' }),
      )
    })

    it('every review decision, with the return comment', async () => {
      await t.payload.updateGlobal({ slug: 'site', data: { reviewSteps: 1 } })
      try {
        const created = await api.rest('POST', '/api/news?draft=true', {
          token: tokens.contributor,
          body: { title: '审核日志', category: 'party-building', summary: '摘要' },
        })
        const id = created.body.doc.id
        const act = (role: Role, action: string, comment?: string) =>
          api.rest('POST', `/api/news/${id}/review/${action}`, {
            token: tokens[role],
            body: comment ? { comment } : undefined,
          })
        await act('contributor', 'submit')
        await act('editor', 'return', '标题需要修改')
        await api.rest('PATCH', `/api/news/${id}?draft=true`, {
          token: tokens.contributor,
          body: { title: '审核日志（改）' },
        })
        await act('contributor', 'submit')
        // An edit during review is recorded with the review going back to draft.
        await api.rest('PATCH', `/api/news/${id}?draft=true`, {
          token: tokens.contributor,
          body: { summary: '审核中改' },
        })
        await act('contributor', 'submit')
        await act('editor', 'approve-and-publish')

        const log = await forDocument('news', id)
        expect(actions(log)).toEqual([
          'create',
          'submit',
          'return',
          'update',
          'submit',
          'update',
          'submit',
          'approve',
          'publish',
        ])
        const returned = log[2]
        expect(returned.actor).toBe(users.editor.id)
        expect(returned.summary).toContain('标题需要修改')
        expect(returned.changes).toContainEqual(
          expect.objectContaining({ field: 'review.returnComment', after: '标题需要修改' }),
        )
        expect(log[5].summary).toContain('已退回草稿')
        expect(log[5].changes).toContainEqual(
          expect.objectContaining({ field: 'review.status', before: '待审核', after: '草稿' }),
        )
        expect(log[7]).toMatchObject({ action: 'approve', actor: users.editor.id })
      } finally {
        await t.payload.updateGlobal({ slug: 'site', data: { reviewSteps: 0 } })
      }
    })

    it('scheduling and cancelling a publish', async () => {
      const doc = await t.payload.create({
        collection: 'news',
        data: { title: '定时日志', category: 'volunteer', summary: 's', _status: 'published' },
      })
      const schedule = serverFunctions['schedule-publish']!
      const req = async () => createLocalReq({ user: users.editor as never }, t.payload)
      const when = new Date(Date.now() + 3600_000)
      await schedule({
        req: await req(),
        type: 'unpublish',
        date: when,
        doc: { relationTo: 'news', value: doc.id },
      } as never)
      const [job] = (
        await t.payload.find({
          collection: 'payload-jobs',
          where: { taskSlug: { equals: 'schedulePublish' } },
        })
      ).docs
      await schedule({
        req: await req(),
        deleteID: job!.id,
        doc: { relationTo: 'news', value: doc.id },
      } as never)
      const log = await forDocument('news', doc.id)
      expect(actions(log)).toEqual(['publish', 'schedule', 'unschedule'])
      expect(log[1].summary).toContain(`定时撤下：${when.toISOString()}`)
      expect(log[1].actor).toBe(users.editor.id)
    })

    it('logins, logouts, failed logins (REST and GraphQL) and the lockout, with the client address', async () => {
      failedLoginsByAddress.clear()
      const victim = await createUser(t.payload, 'contributor')
      const token = await api.login(victim.email)
      expect((await api.rest('POST', '/api/users/logout', { token })).status).toBe(200)
      const wrong = (n: number) =>
        api.rest('POST', '/api/users/login', {
          body: { email: victim.email, password: `wrong-password-${n}` },
          headers: { 'X-Forwarded-For': `198.51.100.${n}` },
        })
      expect((await wrong(1)).status).toBe(401)
      const viaGraphQL = await api.gql(
        `mutation { loginUser(email: "${victim.email}", password: "wrong-password-2") { token } }`,
        { headers: { 'X-Forwarded-For': '198.51.100.2' } },
      )
      expect(viaGraphQL.body.errors?.length).toBe(1)
      for (let n = 3; n <= 10; n++) await wrong(n) // the 10th failure locks the account
      await wrong(11)
      await api.rest('POST', '/api/users/login', {
        body: { email: 'nobody@test.example', password: 'whatever-12345' },
        headers: { 'X-Forwarded-For': '198.51.100.12' },
      })

      const log = await entries({ targetCollection: { equals: 'users' } })
      const mine = log.filter((entry) => entry.documentId === String(victim.id))
      expect(actions(mine)).toEqual([
        'create',
        'login',
        'logout',
        ...Array(10).fill('loginFailed'),
        'lockout',
        'loginFailed',
      ])
      const failures = mine.filter((entry) => entry.action === 'loginFailed')
      expect(failures[0]).toMatchObject({
        summary: '登录失败：密码错误',
        clientAddress: '198.51.100.1',
      })
      expect(failures[1].clientAddress).toBe('198.51.100.2') // the GraphQL one
      expect(failures.at(-1)!.summary).toBe('登录失败：账号已锁定')
      expect(mine.find((entry) => entry.action === 'login')!.actor).toBe(victim.id)
      const unknown = log.at(-1)!
      expect(unknown).toMatchObject({ action: 'loginFailed', actor: null })
      expect(unknown.summary).toContain('nobody@test.example')
    })

    it('user and role changes, and password changes without the password or its hash', async () => {
      const created = await api.rest('POST', '/api/users', {
        token: tokens.admin,
        body: {
          email: 'new-member@test.example',
          password: 'secret-password-1',
          name: '新成员',
          roles: ['contributor'],
        },
      })
      const id = created.body.doc.id
      await api.rest('PATCH', `/api/users/${id}`, {
        token: tokens.admin,
        body: { roles: ['editor'] },
      })
      await api.rest('PATCH', `/api/users/${id}`, {
        token: tokens.admin,
        body: { password: 'another-secret-2' },
      })
      await api.rest('DELETE', `/api/users/${id}`, { token: tokens.admin })

      const log = await forDocument('users', id)
      expect(actions(log)).toEqual(['create', 'roleChange', 'update', 'delete'])
      expect(log[1].changes).toContainEqual(
        expect.objectContaining({ field: 'roles', before: 'contributor', after: 'editor' }),
      )
      expect(log[2].changes).toEqual([
        expect.objectContaining({ field: 'password', after: '（已修改，内容不记录）' }),
      ])
      const stored = await t.payload.db.findOne<{ id: number; hash: string; salt: string }>({
        collection: 'users',
        where: { id: { equals: users.admin.id } },
      })
      const everything = JSON.stringify(await entries())
      for (const secret of [
        'secret-password-1',
        'another-secret-2',
        'test-password-1',
        stored!.hash,
        stored!.salt,
      ])
        expect(everything).not.toContain(secret)
      for (const field of ['"hash"', '"salt"', 'resetPasswordToken', 'sessions'])
        expect(everything).not.toContain(field)
    })

    it('全部重建 and an import, each with its changes in one transaction', async () => {
      expect(
        (await api.rest('POST', '/api/site-changes/rebuild', { token: tokens.editor })).status,
      ).toBe(202)
      expect((await entries({ action: { equals: 'rebuild' } })).at(-1)).toMatchObject({
        actor: users.editor.id,
        targetCollection: 'system',
      })

      const { plan } = await prepareBookImport(t.payload, {
        bytes: toCsv(catalogue(2, { firstIndex: 5000 })),
        fileName: '日志导入.csv',
        choices: {},
      })
      await applyImport(t.payload, plan, {
        mode: 'valid',
        user: users.editor as never,
        fileName: '日志导入.csv',
      })
      const imported = (await entries({ action: { equals: 'import' } })).at(-1)!
      expect(imported).toMatchObject({ actor: users.editor.id, targetCollection: 'books' })
      expect(imported.summary).toContain('新增 2 本')
      const books = await entries({
        and: [
          { targetCollection: { equals: 'books' } },
          { createdAt: { greater_than_equal: testStarted } },
        ],
      })
      expect(actions(books)).toEqual(['create', 'create', 'import'])
      expect(books[0].actor).toBe(users.editor.id)
    })

    it('a change that fails leaves no entry (the entry is in its transaction)', async () => {
      const before = (await entries()).length
      const invalid = await api.rest('POST', '/api/news', {
        token: tokens.editor,
        body: { title: '缺少分类', _status: 'published' },
      })
      expect(invalid.status).toBe(400)
      const { plan } = await prepareBookImport(t.payload, {
        bytes: toCsv(catalogue(2, { firstIndex: 6000 })),
        fileName: 'x.csv',
        choices: {},
      })
      // The second save fails after the first succeeded: both roll back, with their entries.
      const create = t.payload.db.create.bind(t.payload.db)
      let calls = 0
      t.payload.db.create = (async (args: Parameters<typeof create>[0]) => {
        if (args.collection === 'books' && ++calls === 2) throw new Error('故障注入')
        return create(args)
      }) as typeof t.payload.db.create
      try {
        await expect(
          applyImport(t.payload, plan, { mode: 'valid', user: users.editor as never }),
        ).rejects.toThrow('故障注入')
      } finally {
        t.payload.db.create = create
      }
      expect((await entries()).length).toBe(before)
    })

    it.skipIf(skipDatabase || process.env.TEST_DATABASE === 'mongodb')(
      'npm run backup records the backup',
      async () => {
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'audit-backup-')), 'b.tar.gz')
        const code = await new Promise<number | null>((resolve) => {
          const child = spawn('npm', ['run', '--silent', 'backup', '--', '--out', out], {
            env: { ...process.env, PAYLOAD_LOG_LEVEL: 'warn' },
            stdio: 'ignore',
          })
          child.on('exit', resolve)
        })
        expect(code).toBe(0)
        const backup = (await entries({ action: { equals: 'backup' } })).at(-1)
        expect(backup).toMatchObject({ actorName: '系统', targetCollection: 'system' })
        expect(backup!.summary).toContain('b.tar.gz')
        fs.rmSync(path.dirname(out), { recursive: true, force: true })
      },
      600_000,
    )
  })

  describe('who may read it, and that no one changes it', () => {
    let entry: Entry
    beforeAll(async () => {
      entry = (await entries()).at(-1)!
    })

    it('admins read and filter it (REST and GraphQL); editors, contributors and visitors cannot', async () => {
      const list = await api.rest(
        'GET',
        `/api/audit-log?where[action][equals]=login&where[actor][equals]=${users.editor.id}&limit=5`,
        { token: tokens.admin },
      )
      expect(list.status).toBe(200)
      expect(list.body.docs.length).toBeGreaterThan(0)
      for (const doc of list.body.docs) expect(doc.action).toBe('login')
      const byDate = await api.rest(
        'GET',
        `/api/audit-log?where[createdAt][greater_than]=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}&where[targetCollection][equals]=news&sort=-createdAt`,
        { token: tokens.admin },
      )
      expect(byDate.status).toBe(200)
      expect(byDate.body.totalDocs).toBeGreaterThan(0)
      const gql = await api.gql(
        `{ AuditLogEntries(where: { action: { equals: login } }) { totalDocs } }`,
        {
          token: tokens.admin,
        },
      )
      expect(gql.body.data?.AuditLogEntries?.totalDocs).toBeGreaterThan(0)

      for (const role of ['editor', 'contributor'] as const) {
        expect(
          (await api.rest('GET', '/api/audit-log', { token: tokens[role] })).status,
          role,
        ).toBe(403)
        expect(
          (await api.rest('GET', `/api/audit-log/${entry.id}`, { token: tokens[role] })).status,
        ).toBe(403)
        const read = await api.gql(`{ AuditLogEntries { totalDocs } }`, { token: tokens[role] })
        expect(read.status, role).toBe(403)
      }
      expect((await api.rest('GET', '/api/audit-log')).status).toBe(403)
    })

    it('exports as CSV for admins only', async () => {
      const csv = await fetch(`${server.url}/api/audit-log/export?format=csv`, {
        headers: { Authorization: `JWT ${tokens.admin}` },
      })
      expect(csv.status).toBe(200)
      const bytes = Buffer.from(await csv.arrayBuffer())
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // the BOM Excel needs
      const text = bytes.toString('utf8')
      expect(text.split('\n')[0]).toContain('action')
      expect(text).toContain('登录后台')
      const filtered = await api.rest(
        'GET',
        '/api/audit-log/export?format=csv&where[action][equals]=rebuild',
        { token: tokens.admin },
      )
      const rows = (filtered.body as unknown as string).trim().split('\n')
      expect(rows.length).toBe(2)
      expect(rows[1]).toContain('rebuild')
      expect(
        (await api.rest('GET', '/api/audit-log/export', { token: tokens.editor })).status,
      ).toBe(403)
    })

    it('REST cannot create, update or delete entries, admins included', async () => {
      for (const role of ['admin', 'editor', 'contributor'] as const) {
        const { token } = { token: tokens[role] }
        const create = await api.rest('POST', '/api/audit-log', {
          token,
          body: { action: 'login', targetCollection: 'system', summary: '伪造' },
        })
        expect(create.status, role).toBe(403)
        expect(
          (
            await api.rest('PATCH', `/api/audit-log/${entry.id}`, {
              token,
              body: { summary: '改' },
            })
          ).status,
          role,
        ).toBe(403)
        expect(
          (await api.rest('DELETE', `/api/audit-log/${entry.id}`, { token })).status,
          role,
        ).toBe(403)
        const bulk = await api.rest('DELETE', `/api/audit-log?where[id][exists]=true`, { token })
        expect(bulk.status, role).toBe(403)
        const bulkPatch = await api.rest('PATCH', `/api/audit-log?where[id][exists]=true`, {
          token,
          body: { summary: '改' },
        })
        expect(bulkPatch.status, role).toBe(403)
      }
      expect((await api.rest('DELETE', `/api/audit-log/${entry.id}`)).status).toBe(403)
    })

    it('GraphQL cannot create, update or delete entries, admins included', async () => {
      for (const role of ['admin', 'editor', 'contributor'] as const) {
        const token = tokens[role]
        for (const mutation of [
          `mutation { createAuditLogEntry(data: { action: login, targetCollection: system }) { id } }`,
          `mutation { updateAuditLogEntry(id: ${entry.id}, data: { summary: "改" }) { id } }`,
          `mutation { deleteAuditLogEntry(id: ${entry.id}) { id } }`,
        ]) {
          const answer = await api.gql(mutation, { token })
          expect(answer.status, `${role}: ${mutation}`).toBe(403)
        }
      }
    })

    it('the Local API refuses too, with or without a user and access control', async () => {
      for (const user of [users.admin, null]) {
        for (const overrideAccess of [true, false]) {
          const options = { user: user as never, overrideAccess }
          await expect(
            t.payload.update({
              collection: 'audit-log',
              id: entry.id,
              data: { summary: '改' },
              ...options,
            }),
          ).rejects.toMatchObject({ status: 403, message: auditLogIsAppendOnlyMessage })
          await expect(
            t.payload.delete({ collection: 'audit-log', id: entry.id, ...options }),
          ).rejects.toMatchObject({ status: 403 })
          await expect(
            t.payload.delete({
              collection: 'audit-log',
              where: { id: { exists: true } },
              ...options,
            }),
          ).rejects.toMatchObject({ status: 403 })
          await expect(
            t.payload.create({
              collection: 'audit-log',
              data: { action: 'login', targetCollection: 'system' },
              ...options,
            }),
          ).rejects.toMatchObject({ status: 403 })
        }
      }
      const after = await t.payload.findByID({ collection: 'audit-log', id: entry.id })
      expect(after.summary).toBe(entry.summary)
    })
  })
})
