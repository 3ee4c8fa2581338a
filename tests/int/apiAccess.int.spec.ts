import { afterAll, beforeAll, expect, it } from 'vitest'
import { startApiServer, type ApiServer } from '../helpers/apiServer'
import {
  createUser,
  describeOnDatabase,
  startTestPayload,
  type TestPayload,
} from '../helpers/testPayload'

/** Access over real HTTP that the Local API cannot show: the site-content export's key, jobs endpoints. */
describeOnDatabase('API access over HTTP', () => {
  let t: TestPayload
  let api: ApiServer
  const tokens: Record<'contributor' | 'editor', string> = { contributor: '', editor: '' }
  beforeAll(async () => {
    process.env.SITE_BUILD_TOKEN = 'site-build-key-for-tests'
    t = await startTestPayload()
    api = await startApiServer()
    await createUser(t.payload, 'admin') // the first account always becomes an admin
    for (const role of ['contributor', 'editor'] as const) {
      const user = await createUser(t.payload, role)
      const login = await post('/api/users/login', {
        email: user.email,
        password: 'test-password-1',
      })
      tokens[role] = (await login.json()).token
    }
    await t.payload.create({
      collection: 'news',
      data: { title: '公开新闻', category: 'volunteer', summary: '摘要', _status: 'published' },
    })
  })
  afterAll(async () => {
    delete process.env.SITE_BUILD_TOKEN
    await api?.close()
    await t?.close()
  })

  const post = (path: string, body?: object, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body ? JSON.stringify(body) : undefined,
    })
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, { headers })

  it('GET /api/site-content needs the site-build key or a staff account', async () => {
    const anonymous = await get('/api/site-content')
    expect(anonymous.status).toBe(401)
    expect((await anonymous.json()).errors[0].message).toContain('SITE_BUILD_TOKEN')
    expect((await get('/api/site-content', { Authorization: 'Bearer wrong-key' })).status).toBe(401)
    expect((await get('/api/site-content', { Authorization: 'Bearer ' })).status).toBe(401)

    const build = await get('/api/site-content', {
      Authorization: 'Bearer site-build-key-for-tests',
    })
    expect(build.status).toBe(200)
    expect(build.headers.get('content-type')).toContain('application/json')
    expect(build.headers.get('content-length')).toBeNull() // streamed
    const content = await build.json()
    expect(content.news.map((n: { title: string }) => n.title)).toEqual(['公开新闻'])
    expect(
      (await get('/api/site-content', { Authorization: `JWT ${tokens.contributor}` })).status,
    ).toBe(200)
  })

  it('only editors and admins run or schedule jobs through REST', async () => {
    for (const path of ['/api/payload-jobs/run', '/api/payload-jobs/handle-schedules']) {
      expect((await get(path)).status, path).toBe(401)
      expect((await get(path, { Authorization: `JWT ${tokens.contributor}` })).status, path).toBe(
        401,
      )
    }
    expect(
      (await get('/api/payload-jobs/run', { Authorization: `JWT ${tokens.editor}` })).status,
    ).toBe(200)
  })
})
