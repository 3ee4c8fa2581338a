import { expect, test, type APIRequestContext } from '@playwright/test'
import { authHeaders, login, type Role, type StaffRole } from '../helpers/api'

/**
 * The access matrix over real HTTP: every role × read published, read draft, create, publish,
 * delete, through REST and GraphQL. The expected table is written out once, below.
 */
type Action = 'readPublished' | 'readDraft' | 'create' | 'publish' | 'delete'
const allowed: Record<Role, Record<Action, boolean>> = {
  anonymous: {
    readPublished: true,
    readDraft: false,
    create: false,
    publish: false,
    delete: false,
  },
  contributor: {
    readPublished: true,
    readDraft: true,
    create: true,
    publish: false,
    delete: false,
  },
  editor: { readPublished: true, readDraft: true, create: true, publish: true, delete: true },
  admin: { readPublished: true, readDraft: true, create: true, publish: true, delete: true },
}
const roles = Object.keys(allowed) as Role[]
type Id = number | string

let tokens: Partial<Record<Role, string>> = {}
let adminToken: string

/** A fresh news item made by the admin, published or draft. */
async function makeNews(
  request: APIRequestContext,
  status: 'published' | 'draft',
  title: string,
): Promise<Id> {
  const response = await request.post(`/api/news${status === 'draft' ? '?draft=true' : ''}`, {
    headers: authHeaders(adminToken),
    data: {
      title,
      category: 'party-building',
      summary: '矩阵测试',
      editorialNote: '内部备注',
      _status: status,
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).doc.id
}

async function graphql(request: APIRequestContext, role: Role, query: string) {
  const response = await request.post('/api/graphql', {
    headers: authHeaders(tokens[role]),
    data: { query },
  })
  // Each assertion reads the answer by the shape of its own query.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] }
}

test.beforeAll(async ({ request }) => {
  adminToken = await login(request, 'admin')
  tokens = { anonymous: undefined }
  for (const role of ['contributor', 'editor', 'admin'] as StaffRole[])
    tokens[role] = await login(request, role)
})

for (const role of roles) {
  test.describe(`${role}`, () => {
    test(`REST: ${JSON.stringify(allowed[role])}`, async ({ request }) => {
      const headers = authHeaders(tokens[role])
      const published = await makeNews(request, 'published', `REST 已发布 ${role}`)
      const draft = await makeNews(request, 'draft', `REST 草稿 ${role}`)

      const readPublished = await request.get(`/api/news/${published}`, { headers })
      expect(readPublished.ok()).toBe(allowed[role].readPublished)
      const body = await readPublished.json()
      expect('editorialNote' in body && body.editorialNote !== undefined).toBe(role !== 'anonymous')

      for (const url of [`/api/news/${draft}`, `/api/news/${draft}?draft=true`]) {
        const response = await request.get(url, { headers })
        expect(response.ok(), url).toBe(allowed[role].readDraft)
      }
      const listed = await request.get(`/api/news?draft=true&where[id][equals]=${draft}`, {
        headers,
      })
      expect((await listed.json()).totalDocs).toBe(allowed[role].readDraft ? 1 : 0)

      const created = await request.post('/api/news?draft=true', {
        headers,
        data: { title: `REST 新建 ${role}`, category: 'volunteer' },
      })
      expect(created.status()).toBe(allowed[role].create ? 201 : 403)

      const publish = await request.patch(`/api/news/${draft}`, {
        headers,
        data: { _status: 'published' },
      })
      expect(publish.ok()).toBe(allowed[role].publish)
      const afterPublish = await request.get(`/api/news/${draft}`, {
        headers: authHeaders(adminToken),
      })
      expect((await afterPublish.json())._status).toBe(
        allowed[role].publish ? 'published' : 'draft',
      )

      const unpublish = await request.patch(`/api/news/${published}`, {
        headers,
        data: { _status: 'draft' },
      })
      expect(unpublish.ok()).toBe(allowed[role].publish)

      const removed = await request.delete(`/api/news/${published}`, { headers })
      expect(removed.ok()).toBe(allowed[role].delete)
      const gone = await request.get(`/api/news/${published}`, { headers: authHeaders(adminToken) })
      expect(gone.status()).toBe(allowed[role].delete ? 404 : 200)
    })

    test(`GraphQL: ${JSON.stringify(allowed[role])}`, async ({ request }) => {
      const published = JSON.stringify(
        await makeNews(request, 'published', `GraphQL 已发布 ${role}`),
      )
      const draft = JSON.stringify(await makeNews(request, 'draft', `GraphQL 草稿 ${role}`))

      const readPublished = await graphql(
        request,
        role,
        `{ NewsItem(id: ${published}) { title editorialNote } }`,
      )
      expect(readPublished.data?.NewsItem?.title).toContain('GraphQL 已发布')
      expect(readPublished.data?.NewsItem?.editorialNote ?? null).toBe(
        role === 'anonymous' ? null : '内部备注',
      )

      for (const flag of ['', ', draft: true']) {
        const readDraft = await graphql(
          request,
          role,
          `{ NewsItem(id: ${draft}${flag}) { title } }`,
        )
        expect(Boolean(readDraft.data?.NewsItem?.title), flag).toBe(allowed[role].readDraft)
        const list = await graphql(
          request,
          role,
          `{ NewsItems(where: { id: { equals: ${draft} } }${flag}) { totalDocs } }`,
        )
        expect(list.data?.NewsItems?.totalDocs, flag).toBe(allowed[role].readDraft ? 1 : 0)
      }

      const created = await graphql(
        request,
        role,
        `mutation { createNewsItem(data: { title: "GraphQL 新建 ${role}", category: volunteer }, draft: true) { id } }`,
      )
      expect(Boolean(created.data?.createNewsItem?.id)).toBe(allowed[role].create)

      const publish = await graphql(
        request,
        role,
        `mutation { updateNewsItem(id: ${draft}, data: { _status: published }) { _status } }`,
      )
      expect(publish.data?.updateNewsItem?._status === 'published').toBe(allowed[role].publish)

      const removed = await graphql(
        request,
        role,
        `mutation { deleteNewsItem(id: ${published}) { id } }`,
      )
      expect(Boolean(removed.data?.deleteNewsItem?.id)).toBe(allowed[role].delete)
    })
  })
}

test('the public never reads users or versions, through REST or GraphQL', async ({ request }) => {
  expect((await request.get('/api/users')).status()).toBe(403)
  expect((await request.get('/api/news/versions')).status()).toBe(403)
  const users = await graphql(request, 'anonymous', '{ Users { docs { email } } }')
  expect(users.data?.Users ?? null).toBeNull()
  expect(users.errors?.length).toBeGreaterThan(0)
})

test('failed logins are throttled per address before the account locks', async ({ request }) => {
  const email = 'locked@hongse.example'
  await request.post('/api/users', {
    headers: authHeaders(adminToken),
    data: { email, password: 'right-password-1', name: '锁定测试', roles: ['contributor'] },
  })
  const from = (address: string) => ({ 'X-Forwarded-For': address })
  for (let attempt = 0; attempt < 5; attempt++) {
    expect(
      (
        await request.post('/api/users/login', {
          headers: from('203.0.113.7'),
          data: { email, password: 'wrong' },
        })
      ).status(),
    ).toBe(401)
  }
  const throttled = await request.post('/api/users/login', {
    headers: from('203.0.113.7'),
    data: { email, password: 'right-password-1' },
  })
  expect(throttled.status()).toBe(429)
  expect(Number(throttled.headers()['retry-after'])).toBeGreaterThan(0)
  // The account is not locked by one address's guesses.
  expect(
    (
      await request.post('/api/users/login', {
        headers: from('203.0.113.8'),
        data: { email, password: 'right-password-1' },
      })
    ).ok(),
  ).toBe(true)
})

test('the site-content export holds published content only, for the site build and staff', async ({
  request,
}) => {
  const draftTitle = `导出草稿 ${Date.now()}`
  await makeNews(request, 'draft', draftTitle)
  expect((await request.get('/api/site-content')).status()).toBe(401)
  for (const headers of [
    authHeaders(tokens.admin),
    { Authorization: 'Bearer e2e-site-build-key' },
  ]) {
    const response = await request.get('/api/site-content', { headers })
    expect(response.ok()).toBe(true)
    const body = await response.text()
    expect(body).not.toContain(draftTitle)
    expect(body).not.toContain('editorialNote')
    expect(body).not.toContain('内部备注')
    expect(JSON.parse(body).news.length).toBeGreaterThan(0)
  }
})

/** Restore, duplicate and jobs, per role: who may do each over REST and GraphQL. */
const mayRestorePublished: Record<Role, boolean> = {
  anonymous: false,
  contributor: false,
  editor: true,
  admin: true,
}
const mayDuplicate: Record<Role, boolean> = {
  anonymous: false,
  contributor: true,
  editor: true,
  admin: true,
}
const mayRunJobs: Record<Role, boolean> = {
  anonymous: false,
  contributor: false,
  editor: true,
  admin: true,
}

for (const role of roles) {
  test(`${role}: restore a published document's version, duplicate, run jobs`, async ({
    request,
  }) => {
    const headers = authHeaders(tokens[role])
    const id = await makeNews(request, 'published', `恢复测试 ${role}`)
    await request.patch(`/api/news/${id}?draft=true`, {
      headers: authHeaders(adminToken),
      data: { title: `恢复测试草稿 ${role}` },
    })
    const versions = await request.get(
      `/api/news/versions?where[parent][equals]=${id}&sort=createdAt`,
      { headers: authHeaders(adminToken) },
    )
    const [first, latest] = [(await versions.json()).docs[0], (await versions.json()).docs.at(-1)]

    const restore = await request.post(`/api/news/versions/${latest.id}`, { headers })
    expect(restore.ok(), await restore.text()).toBe(mayRestorePublished[role])
    const viaGraphQL = await graphql(
      request,
      role,
      `mutation { restoreVersionNewsItem(id: ${JSON.stringify(first.id)}) { id } }`,
    )
    expect(Boolean(viaGraphQL.data?.restoreVersionNewsItem?.id)).toBe(mayRestorePublished[role])
    if (!mayRestorePublished[role]) {
      const live = await request.get(`/api/news/${id}`)
      expect((await live.json())._status).toBe('published')
    }

    const duplicate = await request.post(`/api/news/${id}/duplicate`, { headers })
    expect(duplicate.status()).toBe(mayDuplicate[role] ? 200 : 403)
    if (mayDuplicate[role]) {
      const copy = (await duplicate.json()).doc
      expect(copy.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(copy._status).toBe('draft')
    }

    const jobs = await request.get('/api/payload-jobs/run', { headers })
    expect(jobs.ok()).toBe(mayRunJobs[role])
  })
}

test('the publisher status and queue are for staff; a rebuild is for editors and admins', async ({
  request,
}) => {
  for (const url of ['/api/globals/site-status', '/api/site-changes', '/api/site-changes/count']) {
    expect((await request.get(url)).status(), url).toBe(403)
    expect((await request.get(url, { headers: authHeaders(tokens.contributor) })).ok(), url).toBe(
      true,
    )
  }
  const status = await graphql(request, 'anonymous', '{ SiteStatus { working { task } } }')
  expect(status.data?.SiteStatus ?? null).toBeNull()
  expect(status.errors?.length).toBeGreaterThan(0)
  for (const role of ['anonymous', 'contributor'] as Role[]) {
    const refused = await request.post('/api/site-changes/rebuild', {
      headers: authHeaders(tokens[role]),
    })
    expect(refused.status(), role).toBe(403)
    expect((await refused.json()).errors[0].message).toContain('编辑或管理员')
  }
  // No 202 case here: it would queue a full rebuild in the middle of the run (tests/int/siteChanges covers it).
})
