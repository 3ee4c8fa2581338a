import { afterAll, beforeAll, expect, it } from 'vitest'
import { startApiServer, type ApiServer } from '../helpers/apiServer'
import {
  createUser,
  describeOnDatabase,
  startTestPayload,
  type TestPayload,
} from '../helpers/testPayload'

/**
 * GraphQL amplification and expensive REST reads over real HTTP (the same handlers as the Next
 * routes): page sizes capped by role, GraphQL counted by the documents it may read, refused
 * with 400 and a Chinese message before any query runs; public sorts only by own public fields.
 */
describeOnDatabase('API query limits over HTTP', () => {
  let t: TestPayload
  let api: ApiServer
  let staffToken: string
  beforeAll(async () => {
    t = await startTestPayload()
    api = await startApiServer()
    const editor = await createUser(t.payload, 'editor')
    const login = await fetch(`${api.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: editor.email, password: 'test-password-1' }),
    })
    staffToken = (await login.json()).token
    for (let index = 0; index < 150; index++) {
      await t.payload.create({
        collection: 'books',
        data: {
          title: `书 ${index}`,
          clc: 'D26',
          location: 'reading-room',
          copies: 1,
          available: 1,
        },
      })
    }
  })
  afterAll(async () => {
    await api?.close()
    await t?.close()
  })

  const get = (path: string, token?: string) =>
    fetch(`${api.url}${path}`, { headers: token ? { Authorization: `JWT ${token}` } : {} })
  const graphql = (query: string, variables?: object, token?: string) =>
    fetch(`${api.url}/api/graphql`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        ...(token ? { Authorization: `JWT ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    })
  const message = async (response: Response) => {
    const body = await response.json()
    return String(body.errors?.[0]?.message ?? '')
  }

  it('REST: the public reads at most 100 a page and never everything at once; staff read larger pages', async () => {
    expect((await get('/api/books?limit=100')).status).toBe(200)
    for (const query of ['limit=101', 'limit=1000', 'limit=0', 'pagination=false', 'limit=-1']) {
      const response = await get(`/api/books?${query}`)
      expect(response.status, query).toBe(400)
      expect(await message(response), query).toMatch(/[\u4e00-\u9fff]/)
    }
    const staff = await get('/api/books?limit=150', staffToken)
    expect(staff.status).toBe(200)
    expect((await staff.json()).docs).toHaveLength(150)
    expect((await get('/api/books?limit=1001', staffToken)).status).toBe(400)
  })

  it('GraphQL: limit is capped and counted; aliases, depth and fragments cannot multiply it', async () => {
    const ok = await graphql('{ Books(limit: 100) { docs { title } } }')
    expect(ok.status, await ok.clone().text()).toBe(200)
    expect((await ok.json()).data.Books.docs).toHaveLength(100)

    const refused = {
      'limit over 100': '{ Books(limit: 101) { totalDocs } }',
      'limit through a variable': [
        'query ($limit: Int) { Books(limit: $limit) { totalDocs } }',
        { limit: 5000 },
      ],
      'limit through a default':
        'query ($limit: Int = 5000) { Books(limit: $limit) { totalDocs } }',
      'everything at once': '{ Books(limit: 0) { totalDocs } }',
      aliases: `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: Speakers { totalDocs }`).join(' ')} }`,
      'documents summed over aliases': `{ ${Array.from({ length: 11 }, (_, i) => `a${i}: Books(limit: 100) { totalDocs }`).join(' ')} }`,
      fragments:
        'fragment f on Query { a: Books(limit: 100) { totalDocs } b: Books(limit: 100) { totalDocs } } { ...f x: Lectures { docs { ...g } } } fragment g on Lecture { id }' +
        ' query Two { ...f }',
    }
    const depth = `{ __schema { types { fields { type ${'{ ofType '.repeat(10)}{ name }${' }'.repeat(10)} } } } }`
    const nested = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: Books(limit: 100) { totalDocs }`).join(' ')} b: Books(limit: 1) { totalDocs } }`
    for (const [name, request] of Object.entries({ ...refused, depth, nested })) {
      if (name === 'fragments') continue
      const [query, variables] = Array.isArray(request) ? request : [request]
      const response = await graphql(query as string, variables as object)
      expect(response.status, name).toBe(400)
      expect(await message(response), name).toMatch(/[\u4e00-\u9fff]/)
    }
    const fragments = await graphql(
      'query { ...f ...f2 } fragment f on Query { a: Books(limit: 100) { totalDocs } b: Books(limit: 100) { totalDocs } } fragment f2 on Query { c: Books(limit: 100) { totalDocs } ...f3 } fragment f3 on Query { d: Books(limit: 100) { totalDocs } e: Books(limit: 100) { totalDocs } f: Books(limit: 100) { totalDocs } g: Books(limit: 100) { totalDocs } h: Books(limit: 100) { totalDocs } i: Books(limit: 100) { totalDocs } j: Books(limit: 100) { totalDocs } k: Books(limit: 100) { totalDocs } }',
    )
    expect(fragments.status).toBe(400)
    // Staff may read more, not unboundedly.
    expect(
      (await graphql('{ Books(limit: 150) { docs { id } } }', undefined, staffToken)).status,
    ).toBe(200)
    expect(
      (await graphql('{ Books(limit: 1001) { totalDocs } }', undefined, staffToken)).status,
    ).toBe(400)
  })

  it('the amplification query is refused at once while a light request in parallel stays fast', async () => {
    const heavy = `{ ${Array.from({ length: 160 }, (_, i) => `b${i}: Books(limit: 1000) { docs { title authors summary } }`).join(' ')} }`
    const light = async () => {
      const started = performance.now()
      const response = await get('/api/books?limit=1')
      expect(response.status).toBe(200)
      return performance.now() - started
    }
    const baseline = Math.max(await light(), await light())
    const [refused, during] = await Promise.all([
      graphql(heavy),
      new Promise((resolve) => setTimeout(resolve, 20)).then(light),
    ])
    expect(refused.status).toBe(400)
    expect(await message(refused)).toMatch(/[\u4e00-\u9fff]/)
    // Generous: the light read is not held up behind the heavy one (which took 47 s on the reference corpus).
    expect(during).toBeLessThan(Math.max(1000, baseline * 20))
  })

  it('the public sorts by the collection’s own public fields, never through relationships', async () => {
    const exhibition = await t.payload.create({
      collection: 'exhibitions',
      data: { title: '展览', sections: [{ title: '序厅' }], _status: 'published' },
    })
    await t.payload.create({
      collection: 'exhibits',
      data: {
        title: '展品',
        exhibition: exhibition.id,
        section: '序厅',
        year: 1921,
        _status: 'published',
      },
    })
    const bySort = await get('/api/exhibits?sort=-year')
    expect(bySort.status, await bySort.clone().text()).toBe(200)
    for (const sort of [
      'exhibition._status',
      '-exhibition.title',
      'editorialNote',
      'title,exhibition.createdAt',
    ]) {
      const response = await get(`/api/exhibits?sort=${encodeURIComponent(sort)}`)
      expect(response.status, sort).toBe(400)
      expect(await message(response)).toContain('排序')
    }
    const viaGraphQL = await graphql('{ Exhibits(sort: "exhibition._status") { totalDocs } }')
    expect(JSON.stringify(await viaGraphQL.json())).toContain('排序')
    const staffSort = await get('/api/exhibits?sort=exhibition._status', staffToken)
    expect(staffSort.status, await staffSort.clone().text()).toBe(200)
  })

  it('the public filters on a relationship by its id only, never through it to a draft parent', async () => {
    const { docs } = await t.payload.find({ collection: 'exhibits', limit: 1, depth: 0 })
    const exhibition = docs[0].exhibition as number
    for (const query of [
      `where[exhibition][equals]=${exhibition}`,
      `where[exhibition.id][equals]=${exhibition}`,
      'where[year][greater_than]=1900',
    ]) {
      const response = await get(`/api/exhibits?${query}`)
      expect(response.status, query).toBe(200)
    }
    for (const query of [
      'where[exhibition._status][equals]=draft',
      'where[or][0][title][equals]=x&where[or][1][exhibition.title][like]=展',
      'where[and][0][exhibition.editorialNote][exists]=true',
    ]) {
      const response = await get(`/api/exhibits?${query}`)
      expect(response.status, query).toBe(400)
      expect(await message(response)).toContain('筛选')
    }
    // GraphQL's where inputs name a relationship's own operators only: no path through it exists there.
    const staff = await get('/api/exhibits?where[exhibition._status][equals]=draft', staffToken)
    expect(staff.status, await staff.clone().text()).toBe(200)
  })
})
