import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createUser,
  describeOnDatabase,
  startTestPayload,
  type TestPayload,
} from '../helpers/testPayload'

/**
 * Bad input over REST and GraphQL, through the same route handlers Next serves (Payload's
 * REST/GraphQL handlers wrapped by guardApiRoute): every case answers 4xx with a Chinese message
 * naming the field, and afterwards nothing changed: document and version counts, slugs and ISBNs.
 */
type Handler = (
  request: Request,
  context: { params: Promise<{ slug: string[] }> },
) => Promise<Response>
type Case = {
  name: string
  method?: 'POST' | 'PATCH' | 'GET'
  path: string
  body?: unknown
  raw?: string
  contentType?: string
  status?: number
  mentions?: string
}

const collections = [
  'news',
  'exhibitions',
  'exhibits',
  'lectures',
  'speakers',
  'books',
  'media',
  'users',
  'site-changes',
] as const
const versioned = ['news', 'exhibitions', 'exhibits', 'lectures'] as const
const megabyteString = 'x'.repeat(1024 * 1024)

describeOnDatabase('bad input answers 4xx and changes nothing', () => {
  let t: TestPayload
  let rest: Record<'GET' | 'POST' | 'PATCH', Handler>
  let graphqlPost: Handler
  let token: string
  const ids: Record<string, number | string> = {}

  beforeAll(async () => {
    t = await startTestPayload()
    const [{ guardApiRoute }, { graphqlStatus }, routes, { default: config }] = await Promise.all([
      import('../../cms/api/guardApiRoute'),
      import('../../cms/api/graphqlStatus'),
      import('@payloadcms/next/routes'),
      import('../../cms/payload.config'),
    ])
    rest = {
      GET: guardApiRoute(routes.REST_GET(config)),
      POST: guardApiRoute(routes.REST_POST(config)),
      PATCH: guardApiRoute(routes.REST_PATCH(config)),
    }
    graphqlPost = guardApiRoute(graphqlStatus(routes.GRAPHQL_POST(config))) as Handler
    const admin = await createUser(t.payload, 'admin')
    token = (
      await t.payload.login({
        collection: 'users',
        data: { email: admin.email, password: 'test-password-1' },
      })
    ).token!
    const p = t.payload
    ids.book = (
      await p.create({
        collection: 'books',
        data: {
          title: '共产党宣言',
          clc: 'A12',
          location: 'reading-room',
          copies: 2,
          available: 1,
          isbn: '978-0-306-40615-7',
        },
      })
    ).id
    ids.news = (
      await p.create({
        collection: 'news',
        data: {
          title: '已发布新闻',
          category: 'party-building',
          summary: '摘要',
          _status: 'published',
        },
      })
    ).id
    ids.speaker = (await p.create({ collection: 'speakers', data: { name: '主讲人' } })).id
    ids.exhibition = (
      await p.create({
        collection: 'exhibitions',
        data: { title: '展览', sections: [{ title: '第一展区' }], _status: 'published' },
      })
    ).id
  })
  afterAll(() => t?.close())

  const call = async ({ method = 'POST', path, body, raw, contentType }: Case) => {
    const headers: Record<string, string> = { Authorization: `JWT ${token}` }
    let payload: string | undefined
    if (raw !== undefined || body !== undefined) {
      headers['Content-Type'] = contentType ?? 'application/json'
      payload = raw ?? JSON.stringify(body)
    }
    const url = new URL(`http://localhost/api/${path}`)
    const request = new Request(url, {
      method,
      headers,
      body: method === 'GET' ? undefined : payload,
    })
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .map(decodeURIComponent)
    return rest[method](request, { params: Promise.resolve({ slug }) })
  }
  const graphql = async (query: string, variables?: Record<string, unknown>) => {
    const request = new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
    const response = await graphqlPost(request, { params: Promise.resolve({ slug: [] }) })
    return {
      status: response.status,
      body: (await response.json()) as {
        data?: Record<string, unknown> | null
        errors?: { message: string; extensions?: { statusCode?: number } }[]
      },
    }
  }

  /** What must not change: every collection's count, version counts, slugs and ISBNs. */
  const snapshot = async () => {
    const p = t.payload
    const counts = await Promise.all(
      collections.map((collection) =>
        p.count({ collection }).then((r) => [collection, r.totalDocs]),
      ),
    )
    const versions = await Promise.all(
      versioned.map((collection) =>
        p
          .findVersions({ collection, limit: 1 })
          .then((r) => [`${collection} versions`, r.totalDocs]),
      ),
    )
    const slugs = await Promise.all(
      ['news', 'exhibitions', 'exhibits', 'lectures', 'speakers', 'books'].map(async (collection) =>
        (
          await p.find({
            collection: collection as 'news',
            limit: 0,
            pagination: false,
            draft: true,
            depth: 0,
          })
        ).docs.map((doc) => `${collection}:${doc.slug}:${(doc as { title?: string }).title}`),
      ),
    )
    const isbns = (await p.find({ collection: 'books', pagination: false, depth: 0 })).docs.map(
      (book) => book.isbn,
    )
    const site = await p.findGlobal({ slug: 'site', depth: 0 })
    return {
      counts,
      versions,
      slugs,
      isbns,
      site: JSON.stringify({ ...site, updatedAt: undefined }),
    }
  }

  const book = { title: '测试图书', clc: 'D26', location: 'reading-room', copies: 2, available: 1 }
  const news = {
    title: '测试新闻',
    category: 'party-building',
    summary: '摘要',
    _status: 'published',
  }
  const restCases: Case[] = [
    // Wrong JSON types and shapes (books: no drafts, saving publishes).
    {
      name: 'a string for a list',
      path: 'books',
      body: { ...book, authors: 'x' },
      mentions: 'authors',
    },
    {
      name: 'objects in a text list',
      path: 'books',
      body: { ...book, authors: [{ name: 'x' }] },
      mentions: 'authors',
    },
    {
      name: 'a number in a text list',
      path: 'books',
      body: { ...book, subjects: [1] },
      mentions: 'subjects',
    },
    {
      name: 'a number for a title',
      path: 'books',
      body: { ...book, title: 123 },
      mentions: 'title',
    },
    {
      name: 'an object for a title',
      path: 'books',
      body: { ...book, title: { zh: 'x' } },
      mentions: 'title',
    },
    {
      name: 'null for a required field',
      path: 'books',
      body: { ...book, title: null },
      mentions: 'title',
    },
    {
      name: 'a fraction of a copy',
      path: 'books',
      body: { ...book, copies: 1.5 },
      mentions: 'copies',
    },
    { name: '1e300 copies', path: 'books', body: { ...book, copies: 1e300 }, mentions: 'copies' },
    {
      name: 'copies as a string',
      path: 'books',
      body: { ...book, copies: '2' },
      mentions: 'copies',
    },
    { name: 'a year of 99999', path: 'books', body: { ...book, year: 99999 }, mentions: 'year' },
    {
      name: 'an ISBN as a number',
      path: 'books',
      body: { ...book, isbn: 9787020002207 },
      mentions: 'isbn',
    },
    {
      name: 'the ISBN-10 form of a held ISBN-13',
      path: 'books',
      body: { ...book, isbn: '0-306-40615-2' },
      mentions: 'isbn',
    },
    {
      name: 'an unknown select key',
      path: 'books',
      body: { ...book, location: 'Reading-Room' },
      mentions: 'location',
    },
    {
      name: 'a cover that does not exist',
      path: 'books',
      body: { ...book, cover: 999999 },
      mentions: 'cover',
    },
    {
      name: 'a cover id as text',
      path: 'books',
      body: { ...book, cover: 'abc' },
      mentions: 'cover',
    },
    {
      name: 'a key that is no field',
      path: 'books',
      body: { ...book, titel: '拼错' },
      mentions: 'titel',
    },
    {
      name: 'a client-set createdAt',
      path: 'books',
      body: { ...book, createdAt: '2001-01-01T00:00:00.000Z' },
      mentions: 'createdAt',
    },
    {
      name: 'a 1 MB title',
      path: 'books',
      body: { ...book, title: megabyteString },
      mentions: 'title',
    },
    {
      name: 'a 1 MB summary',
      path: 'books',
      body: { ...book, summary: megabyteString },
      mentions: 'summary',
    },
    // News: drafts, rich text, dates, _status.
    {
      name: 'objects as tags',
      path: 'news',
      body: { ...news, tags: [{ x: 1 }] },
      mentions: 'tags',
    },
    {
      name: '_status as a list',
      path: 'news',
      body: { ...news, _status: ['published'] },
      mentions: '_status',
    },
    {
      name: '_status in the wrong case',
      path: 'news',
      body: { ...news, _status: 'Published' },
      mentions: '_status',
    },
    {
      name: 'February 31st',
      path: 'news',
      body: { ...news, publishedAt: '2026-02-31' },
      mentions: 'publishedAt',
    },
    {
      name: 'the year 99999',
      path: 'news',
      body: { ...news, publishedAt: '+099999-01-01T00:00:00.000Z' },
      mentions: 'publishedAt',
    },
    {
      name: 'a date that is no date',
      path: 'news',
      body: { ...news, publishedAt: 'garbage' },
      mentions: 'publishedAt',
    },
    {
      name: 'text for rich text',
      path: 'news',
      body: { ...news, body: '<p>x</p>' },
      mentions: 'body',
    },
    {
      name: 'an unknown category',
      path: 'news',
      body: { ...news, category: 'nope' },
      mentions: 'category',
    },
    {
      name: 'an over-long title in a draft',
      path: 'news?draft=true',
      body: { title: 'x'.repeat(121), _status: 'draft' },
      mentions: 'title',
    },
    {
      name: 'a 1 MB summary in a draft',
      path: 'news?draft=true',
      body: { title: '草稿', summary: megabyteString, _status: 'draft' },
      mentions: 'summary',
    },
    {
      name: 'a bad edit of a published item',
      method: 'PATCH',
      path: `news/__news__`,
      body: { title: ['x'] },
      mentions: 'title',
    },
    {
      name: 'a bad draft edit of a published item',
      method: 'PATCH',
      path: `news/__news__?draft=true`,
      body: { tags: 'x', _status: 'draft' },
      mentions: 'tags',
    },
    // Arrays, relationships, uploads and the other collections.
    {
      name: 'an exhibition that does not exist',
      path: 'exhibits',
      body: { title: '展品', exhibition: 999999 },
      mentions: 'exhibition',
    },
    {
      name: 'images as a string',
      path: 'exhibits?draft=true',
      body: { title: '展品', images: 'x', _status: 'draft' },
      mentions: 'images',
    },
    {
      name: 'an image row with a bad image',
      path: 'exhibits?draft=true',
      body: { title: '展品', images: [{ image: 'x' }], _status: 'draft' },
      mentions: 'images.0.image',
    },
    {
      name: 'a year with a fraction',
      path: 'exhibits?draft=true',
      body: { title: '展品', year: 1921.5, _status: 'draft' },
      mentions: 'year',
    },
    {
      name: 'month 13',
      path: 'exhibits?draft=true',
      body: { title: '展品', date: '2021-13-01', _status: 'draft' },
      mentions: 'date',
    },
    {
      name: 'sections as an object',
      path: 'exhibitions',
      body: { title: '展览', sections: { title: 'x' } },
      mentions: 'sections',
    },
    {
      name: 'a section title as a number',
      path: 'exhibitions',
      body: { title: '展览', sections: [{ title: 5 }] },
      mentions: 'sections.0.title',
    },
    {
      name: 'a speaker that does not exist',
      path: 'lectures?draft=true',
      body: { title: '讲座', speaker: 999999, _status: 'draft' },
      mentions: 'speaker',
    },
    {
      name: 'one attachment instead of a list',
      path: 'lectures?draft=true',
      body: { title: '讲座', attachments: 5, _status: 'draft' },
      mentions: 'attachments',
    },
    {
      name: 'a chapter start as a number',
      path: 'lectures?draft=true',
      body: { title: '讲座', chapters: [{ start: 5, title: 'x' }], _status: 'draft' },
      mentions: 'chapters.0.start',
    },
    {
      name: 'a duration out of range in a draft',
      path: 'lectures?draft=true',
      body: { title: '讲座', durationMinutes: 601, _status: 'draft' },
      mentions: 'durationMinutes',
    },
    { name: 'a speaker name as a list', path: 'speakers', body: { name: ['x'] }, mentions: 'name' },
    {
      name: 'a user name as an object',
      path: 'users',
      body: { email: 'new@test.example', password: 'test-password-1', name: {}, roles: ['editor'] },
      mentions: 'name',
    },
    {
      name: 'a figure value as text',
      path: 'globals/site',
      body: { figures: [{ label: '党员', value: '564' }] },
      mentions: 'figures.0.value',
    },
    {
      name: 'navigation as a string',
      path: 'globals/site',
      body: { navigation: 'x' },
      mentions: 'navigation',
    },
    // The request itself.
    { name: 'malformed JSON', path: 'books', raw: '{"title": "x",', mentions: 'JSON' },
    { name: 'a JSON null body', path: 'books', raw: 'null', mentions: 'JSON' },
    { name: 'a JSON list body', path: 'books', raw: '[{"title":"x"}]', mentions: 'JSON' },
    {
      name: 'a wrong content type',
      path: 'books',
      raw: JSON.stringify(book),
      contentType: 'text/plain',
      status: 415,
    },
    {
      name: 'a body over the limit',
      path: 'books',
      raw: JSON.stringify({ ...book, summary: 'x'.repeat(5 * 1024 * 1024) }),
      status: 413,
    },
    {
      name: 'malformed JSON in a multipart form',
      path: 'books',
      raw: '--b\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"title":\r\n--b--\r\n',
      contentType: 'multipart/form-data; boundary=b',
      mentions: 'JSON',
    },
    // Reads.
    { name: 'an id that is no id', method: 'GET', path: 'news/abc', status: 404 },
    {
      name: 'a query date that is no date',
      method: 'GET',
      path: 'news?where[publishedAt][equals]=garbage',
      mentions: 'publishedAt',
    },
    {
      name: 'a query number that is no number',
      method: 'GET',
      path: 'books?where[copies][equals]=abc',
      mentions: 'copies',
    },
    {
      name: 'a query id that is no id',
      method: 'GET',
      path: 'lectures?where[speaker][equals]=abc',
      mentions: 'speaker',
    },
    {
      name: 'a query on a path that does not exist',
      method: 'GET',
      path: 'news?where[title][nope]=1',
      mentions: 'title.nope',
    },
    { name: 'a where that is no query', method: 'GET', path: 'news?where=abc', mentions: 'JSON' },
  ]

  it.each(restCases)('REST: $name', async (testCase) => {
    const resolved = { ...testCase, path: testCase.path.replace('__news__', String(ids.news)) }
    const before = await snapshot()
    const response = await call(resolved)
    const text = await response.text()
    expect(response.status, text).toBe(testCase.status ?? 400)
    expect(text).toMatch(/[\u4e00-\u9fff]/)
    if (testCase.mentions) expect(text).toContain(testCase.mentions)
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/)
    expect(await snapshot()).toEqual(before)
  })

  const graphqlCases: {
    name: string
    query: string
    variables?: Record<string, unknown>
    mentions?: string
  }[] = [
    {
      name: 'an impossible date',
      query:
        'mutation { createNewsItem(data: { title: "x", category: party_building, summary: "s", publishedAt: "2026-02-31", _status: published }) { id } }',
      mentions: 'publishedAt',
    },
    {
      name: 'text for rich text',
      query:
        'mutation($body: JSON) { createNewsItem(data: { title: "x", category: party_building, summary: "s", body: $body }) { id } }',
      variables: { body: 'junk' },
      mentions: 'body',
    },
    {
      name: 'a fraction of a copy',
      query:
        'mutation { createBook(data: { title: "x", clc: "D26", location: reading_room, copies: 1.5, available: 1 }) { id } }',
      mentions: 'copies',
    },
    {
      name: 'a 1 MB title',
      query:
        'mutation($t: String!) { createBook(data: { title: $t, clc: "D26", location: reading_room, copies: 1, available: 1 }) { id } }',
      variables: { t: megabyteString },
      mentions: 'title',
    },
    {
      name: 'a cover that does not exist',
      query:
        'mutation { createBook(data: { title: "x", clc: "D26", location: reading_room, copies: 1, available: 1, cover: 999999 }) { id } }',
      mentions: 'cover',
    },
    {
      name: 'the ISBN-10 form of a held ISBN-13',
      query:
        'mutation { createBook(data: { title: "x", clc: "D26", location: reading_room, copies: 1, available: 1, isbn: "0306406152" }) { id } }',
      mentions: 'isbn',
    },
    {
      name: 'an unknown select key',
      query:
        'mutation { createBook(data: { title: "x", clc: "D26", location: Reading_Room, copies: 1, available: 1 }) { id } }',
    },
    {
      name: 'a string for a list',
      query:
        'mutation { createBook(data: { title: "x", clc: "D26", location: reading_room, copies: 1, available: 1, authors: [{ name: "x" }] }) { id } }',
    },
    {
      name: 'an over-long draft title',
      query:
        'mutation($t: String!) { createNewsItem(draft: true, data: { title: $t, category: party_building }) { id } }',
      variables: { t: 'x'.repeat(121) },
      mentions: 'title',
    },
    {
      name: 'a query date that is no date',
      query: '{ NewsItems(where: { publishedAt: { equals: "garbage" } }) { totalDocs } }',
      mentions: 'publishedAt',
    },
    {
      name: 'a speaker that does not exist',
      query:
        'mutation { createLecture(draft: true, data: { title: "x", series: red_collar, date: "2026-01-01", speaker: 999999 }) { id } }',
      mentions: 'speaker',
    },
  ]

  it.each(graphqlCases)('GraphQL: $name', async ({ query, variables, mentions }) => {
    const before = await snapshot()
    const { status, body } = await graphql(query, variables)
    const text = JSON.stringify(body)
    expect(body.errors?.length, text).toBeGreaterThan(0)
    expect(status, text).toBe(400)
    expect(text).toMatch(/[\u4e00-\u9fff]/)
    for (const value of Object.values(body.data ?? {})) expect(value).toBeNull()
    if (mentions) expect(text).toContain(mentions)
    expect(await snapshot()).toEqual(before)
  })

  it.skipIf(process.env.TEST_DATABASE === 'mongodb')(
    'a real server fault answers 500 with a request id, no stack, logged once with that id',
    async () => {
      const { sql } = await import('@payloadcms/db-sqlite')
      const db = (
        t.payload.db as unknown as { drizzle: { run: (query: unknown) => Promise<unknown> } }
      ).drizzle
      await db.run(
        sql.raw(
          `CREATE TRIGGER "fail_books" BEFORE INSERT ON "books" BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
        ),
      )
      const before = await snapshot()
      // Every line the logger writes carries the request id through its mixin (requestLogFields).
      const { requestLogFields } = await import('../../cms/api/requestContext')
      const logged: { requestId?: string; message: string }[] = []
      const error = t.payload.logger.error.bind(t.payload.logger)
      t.payload.logger.error = ((...args: Parameters<typeof error>) => {
        const [first] = args as [{ err?: Error; msg?: string } | string]
        logged.push({
          ...requestLogFields(),
          message: typeof first === 'string' ? first : String(first?.err?.message ?? first?.msg),
        })
        return error(...args)
      }) as typeof error
      let response: Response
      try {
        response = await call({ name: 'fault', path: 'books', body: book })
      } finally {
        t.payload.logger.error = error
        await db.run(sql.raw('DROP TRIGGER "fail_books"'))
      }
      const text = await response.text()
      expect(response.status).toBe(500)
      const requestId = response.headers.get('x-request-id')!
      expect(requestId).toMatch(/^[0-9a-f]{12}$/)
      expect(text).toContain(requestId)
      expect(text).toMatch(/服务器内部错误/)
      expect(text).not.toMatch(/disk on fire|at .*\.(js|ts):\d+|stack/)
      expect(logged, JSON.stringify(logged).slice(0, 300)).toEqual([
        expect.objectContaining({ requestId, message: expect.stringContaining('insert into') }),
      ])
      expect(await snapshot()).toEqual(before)
    },
  )

  describe('good input still works', () => {
    it('a valid book and a valid draft are saved through the same routes', async () => {
      const created = await call({
        name: 'valid',
        path: 'books',
        body: { ...book, authors: ['马克思'], isbn: '978-7-02-000220-7', year: 2020 },
      })
      expect(created.status, await created.clone().text()).toBe(201)
      const draft = await call({
        name: 'valid draft',
        path: 'news?draft=true',
        body: {
          title: '草稿',
          _status: 'draft',
          tags: ['党建'],
          publishedAt: '2026-02-28T08:00:00.000Z',
        },
      })
      expect(draft.status, await draft.clone().text()).toBe(201)
      const { doc } = (await draft.json()) as { doc: { id: number; createdAt: string } }
      // Sending the document back as read (id and createdAt unchanged) is fine.
      const echoed = await call({
        name: 'echo',
        method: 'PATCH',
        path: `news/${doc.id}?draft=true`,
        body: { id: doc.id, createdAt: doc.createdAt, title: '草稿二' },
      })
      expect(echoed.status, await echoed.clone().text()).toBe(200)
    })
  })
})
