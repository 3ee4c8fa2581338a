import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { exportCollection } from '../../cms/collectionExport/exportCollection'
import { exportEndpoint } from '../../cms/collectionExport/exportEndpoint'
import { exportDateStamp } from '../../cms/collectionExport/exportFileName'
import { excelCellMaxLength } from '../../cms/collectionExport/writeXlsx'
import { startApiServer, type ApiServer } from '../helpers/apiServer'
import {
  createUser,
  describeOnDatabase,
  startTestPayload,
  type TestPayload,
} from '../helpers/testPayload'

const secret = '编辑备注机密Q9'
const draftTitle = '未发布草稿Z4'
const bom = [0xef, 0xbb, 0xbf]
/** 10,000 characters of Chinese, with the characters CSV must quote. */
const longSummary = '马克思主义，"实事求是"\n'.repeat(10_000 / 14 + 1).slice(0, 10_000)
/** Longer than an Excel cell can hold (32,767). */
const longTranscript = '同志们好，今天讲党史。'.repeat(3500) // 38,500: under Payload's 40,000

const lexical = (...paragraphs: string[]) => ({
  root: {
    type: 'root',
    format: '' as const,
    indent: 0,
    version: 1,
    direction: 'ltr' as const,
    children: paragraphs.map((text) => ({
      type: 'paragraph',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      textFormat: 0,
      children: [
        { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
      ],
    })),
  },
})

type Row = Record<string, string>
const collections = ['books', 'news', 'lectures', 'exhibits', 'speakers'] as const

/** Header and rows of a CSV export (the BOM checked and removed). */
function readCsv(bytes: Buffer): { header: string[]; rows: Row[] } {
  expect([...bytes.subarray(0, 3)]).toEqual(bom)
  const records = parse(bytes.subarray(3).toString('utf8'), {
    relax_column_count: false,
  }) as string[][]
  const [header, ...rows] = records
  return {
    header,
    rows: rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]]))),
  }
}

/** The first sheet of an xlsx export, cells as exceljs reads them. */
async function readXlsx(bytes: Buffer): Promise<{ header: string[]; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as never)
  const sheet = workbook.worksheets[0]
  const rows: unknown[][] = []
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1))
  })
  const [header, ...data] = rows
  return { header: header as string[], rows: data }
}

/** A CSV cell as the xlsx cell holding the same value reads back in CSV terms. */
function asCsvText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return String(value)
}

describeOnDatabase('collection export: CSV, xlsx and JSON', () => {
  let t: TestPayload
  let api: ApiServer
  const tokens = { editor: '', contributor: '' }
  const emails = { editor: '', contributor: '' }
  const ids: Record<string, Array<number | string>> = {}
  let bookId: number | string
  let publishedNewsId: number | string
  let work: string

  const get = (url: string, token?: string) =>
    fetch(`${api.url}${url}`, { headers: token ? { Authorization: `JWT ${token}` } : {} })
  const download = async (slug: string, format: string, token = tokens.editor) => {
    const response = await get(`/api/${slug}/export?format=${format}`, token)
    expect(response.status, `${slug} ${format}`).toBe(200)
    return { response, bytes: Buffer.from(await response.arrayBuffer()) }
  }

  beforeAll(async () => {
    t = await startTestPayload()
    api = await startApiServer()
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-export-test-'))
    const p = t.payload
    await createUser(p, 'admin') // the first account always becomes an admin
    for (const role of ['editor', 'contributor'] as const) {
      const user = await createUser(p, role)
      emails[role] = user.email
      const login = await fetch(`${api.url}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: 'test-password-1' }),
      })
      tokens[role] = (await login.json()).token
    }

    const book = await p.create({
      collection: 'books',
      data: {
        title: '共产党宣言',
        subtitle: '=HYPERLINK("http://evil.example","点我")',
        authors: ['马克思', '恩格斯'],
        publisher: '人民出版社',
        year: 2014,
        isbn: '9787010135397',
        clc: 'A122',
        callNumber: 'A122/1',
        subjects: ['科学社会主义', '共产主义'],
        summary: longSummary,
        location: 'reading-room',
        copies: 3,
        available: 0,
        editorialNote: secret,
      },
    })
    bookId = book.id
    await p.create({
      collection: 'books',
      data: {
        title: '论持久战',
        authors: ['毛泽东'],
        clc: 'E296',
        location: 'reading-room',
        copies: 1,
        available: 1,
      },
    })
    for (const title of ['实践论', '矛盾论', '反对本本主义'])
      await p.create({
        collection: 'books',
        data: { title, clc: 'A424', location: 'reading-room', copies: 1, available: 1 },
      })

    const published = await p.create({
      collection: 'news',
      data: {
        title: '主题党日活动',
        category: 'party-building',
        summary: '楼宇党员参观红色教育基地。',
        body: lexical('第一段，党员们重温入党誓词。', '第二段：交流心得。'),
        tags: ['主题党日', '志愿服务'],
        editorialNote: secret,
        _status: 'published',
      },
    })
    publishedNewsId = published.id
    // A pending draft of the published item: staff see it, the public sees the published version.
    await p.update({
      collection: 'news',
      id: published.id,
      draft: true,
      data: { title: `主题党日活动（${draftTitle}）` },
    })
    await p.create({
      collection: 'news',
      draft: true,
      data: { title: draftTitle, category: 'volunteer', summary: '草稿' },
    })

    const speaker = await p.create({
      collection: 'speakers',
      data: { name: '张明远', title: '省委党校教授', bio: '长期从事党史研究。' },
    })
    await p.create({
      collection: 'lectures',
      data: {
        title: '伟大建党精神',
        series: 'red-collar',
        episode: 28,
        speaker: speaker.id,
        date: '2024-05-01T06:00:00.000Z',
        durationMinutes: 90,
        chapters: [
          { start: '0:00', title: '开场' },
          { start: '12:30', title: '建党精神的内涵' },
        ],
        transcript: longTranscript,
        tags: ['建党精神'],
        _status: 'published',
      },
    })
    const exhibition = await p.create({
      collection: 'exhibitions',
      data: { title: '百年党史展', sections: [{ title: '开天辟地' }], _status: 'published' },
    })
    await p.create({
      collection: 'exhibits',
      data: {
        title: '中共一大会址',
        exhibition: exhibition.id,
        section: '开天辟地',
        year: 1921,
        caption: '上海兴业路76号',
        body: lexical('1921年7月23日，中国共产党第一次全国代表大会在此召开。'),
        _status: 'published',
      },
    })
    for (const slug of collections) {
      const { docs } = await p.find({
        collection: slug,
        draft: true,
        sort: 'id',
        limit: 100,
        depth: 0,
      })
      ids[slug] = docs.map((doc) => doc.id)
    }
  })
  afterAll(async () => {
    await api?.close()
    await t?.close()
    if (work) fs.rmSync(work, { recursive: true, force: true })
  })

  it('CSV of every collection: BOM, field names as the header, every document, Chinese intact', async () => {
    const expected: Record<(typeof collections)[number], string[]> = {
      books: ['id', 'title', 'subtitle', 'slug', 'authors', 'publisher', 'year', 'isbn', 'clc'],
      news: ['id', 'title', 'slug', 'summary', 'cover', 'body', 'category', 'tags', 'publishedAt'],
      lectures: ['id', 'title', 'slug', 'series', 'episode', 'speaker', 'date', 'durationMinutes'],
      exhibits: ['id', 'title', 'slug', 'exhibition', 'section', 'year', 'date', 'order'],
      speakers: ['id', 'name', 'slug', 'title', 'photo', 'bio', 'createdAt', 'updatedAt'],
    }
    for (const slug of collections) {
      const { response, bytes } = await download(slug, 'csv')
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      const { header, rows } = readCsv(bytes)
      expect(header.slice(0, expected[slug].length), slug).toEqual(expected[slug])
      // `_status` (collections with drafts only), then the timestamps, close the row.
      const drafts = slug !== 'books' && slug !== 'speakers'
      expect(
        header.filter((name) => name === '_status'),
        slug,
      ).toHaveLength(drafts ? 1 : 0)
      expect(header.slice(drafts ? -3 : -2), slug).toEqual([
        ...(drafts ? ['_status'] : []),
        'createdAt',
        'updatedAt',
      ])
      expect(rows.map((row) => row.id)).toEqual(ids[slug].map(String))
    }
  })

  it('CSV cells: lists joined with ；, ids for relationships, plain text for rich text, formulas defused', async () => {
    const books = readCsv((await download('books', 'csv')).bytes).rows
    const book = books.find((row) => row.id === String(bookId))!
    expect(book.title).toBe('共产党宣言')
    expect(book.authors).toBe('马克思；恩格斯')
    expect(book.subjects).toBe('科学社会主义；共产主义')
    expect(book.summary).toBe(longSummary) // 10,000 characters with quotes, commas and newlines
    expect(book.year).toBe('2014')
    expect(book.copies).toBe('3')
    expect(book.inStock).toBe('false')
    expect(book.clcClass).toBe('A')
    expect(book.editorialNote).toBe(secret) // staff read staff-only fields
    // A spreadsheet would run this as a formula; the CSV makes it text.
    expect(book.subtitle).toBe(`'=HYPERLINK("http://evil.example","点我")`)
    // What the importer splits on gives the authors back.
    expect(book.authors.split(/[；;、\n]/)).toEqual(['马克思', '恩格斯'])

    const news = readCsv((await download('news', 'csv')).bytes).rows
    const item = news.find((row) => row.id === String(publishedNewsId))!
    expect(item.tags).toBe('主题党日；志愿服务')
    expect(item.body).toBe('第一段，党员们重温入党誓词。\n\n第二段：交流心得。')
    expect(item.category).toBe('party-building')
    expect(new Date(item.createdAt).toISOString()).toBe(item.createdAt)

    const lectures = readCsv((await download('lectures', 'csv')).bytes).rows
    const [speaker] = ids.speakers
    expect(lectures[0].speaker).toBe(String(speaker))
    expect(lectures[0].date).toBe('2024-05-01T06:00:00.000Z')
    expect(JSON.parse(lectures[0].chapters).map((c: { title: string }) => c.title)).toEqual([
      '开场',
      '建党精神的内涵',
    ])
    expect(lectures[0].transcript).toBe(longTranscript) // CSV keeps what Excel cannot hold
  })

  it('staff exports hold drafts (the newest version, as the admin list shows)', async () => {
    for (const role of ['editor', 'contributor'] as const) {
      const { rows } = readCsv((await download('news', 'csv', tokens[role])).bytes)
      expect(rows.map((row) => row._status).sort(), role).toEqual(['draft', 'draft'])
      expect(rows.map((row) => row.title)).toContain(draftTitle)
      expect(rows.map((row) => row.title)).toContain(`主题党日活动（${draftTitle}）`)
    }
  })

  it('xlsx holds the same table as the CSV, numbers as numbers', async () => {
    for (const slug of collections) {
      const { response, bytes } = await download(slug, 'xlsx')
      expect(response.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
      const sheet = await readXlsx(bytes)
      const csv = readCsv((await download(slug, 'csv')).bytes)
      expect(sheet.header).toEqual(csv.header)
      expect(sheet.rows).toHaveLength(csv.rows.length)
      sheet.rows.forEach((cells, index) => {
        const row = csv.rows[index]
        csv.header.forEach((name, column) => {
          const fromSheet = asCsvText(cells[column])
          const fromCsv = row[name].replace(/^'(?=[=+\-@\t\r])/, '')
          if (fromCsv.length <= excelCellMaxLength)
            expect(fromSheet, `${slug}.${name}`).toBe(fromCsv)
        })
      })
    }
    const books = await readXlsx((await download('books', 'xlsx')).bytes)
    const column = (name: string) => books.header.indexOf(name)
    const book = books.rows.find((row) => row[column('id')] === bookId)!
    expect(book[column('year')]).toBe(2014)
    expect(book[column('inStock')]).toBe(false)
    expect(book[column('authors')]).toBe('马克思；恩格斯')
    // Stored as text, not as a formula.
    expect(book[column('subtitle')]).toBe('=HYPERLINK("http://evil.example","点我")')

    const lectures = await readXlsx((await download('lectures', 'xlsx')).bytes)
    const transcript = lectures.rows[0][lectures.header.indexOf('transcript')] as string
    expect(transcript).toHaveLength(excelCellMaxLength)
    expect(transcript).toContain('已截断')
    expect(longTranscript.startsWith(transcript.slice(0, 1000))).toBe(true)
  })

  it('JSON: the documents as the Local API returns them at depth 0', async () => {
    for (const slug of collections) {
      const { response, bytes } = await download(slug, 'json')
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
      const docs = JSON.parse(bytes.toString('utf8')) as Array<Record<string, unknown>>
      expect(docs.map((doc) => doc.id)).toEqual(ids[slug])
    }
    const books = JSON.parse((await download('books', 'json')).bytes.toString('utf8'))
    const book = books.find((doc: { id: unknown }) => doc.id === bookId)
    expect(book.authors).toEqual(['马克思', '恩格斯'])
    expect(book.summary).toBe(longSummary)
    expect(book.editorialNote).toBe(secret)
    const news = JSON.parse((await download('news', 'json')).bytes.toString('utf8'))
    expect(news.find((doc: { id: unknown }) => doc.id === publishedNewsId).body.root.type).toBe(
      'root',
    )
  })

  it('downloads are named: ASCII file name and the Chinese name as RFC 5987 filename*', async () => {
    const { response } = await download('books', 'xlsx')
    const stamp = exportDateStamp()
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="books-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`汇书房馆藏-${stamp}.xlsx`)}`,
    )
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('anonymous callers are refused (401), in Chinese', async () => {
    for (const slug of collections) {
      const response = await get(`/api/${slug}/export?format=json`)
      expect(response.status, slug).toBe(401)
      const body = await response.json()
      expect(body.errors[0].message).toMatch(/导出仅限后台工作人员/)
      expect(JSON.stringify(body)).not.toContain(secret)
    }
    expect((await get('/api/books/export', 'not-a-valid-token')).status).toBe(401)
  })

  it('a signed-in account without an editorial role is refused (403)', async () => {
    const response = await exportEndpoint.handler({
      user: { id: 99, collection: 'users', roles: [] },
      searchParams: new URLSearchParams('format=csv'),
      routeParams: { collection: 'books' },
    } as never)
    expect(response.status).toBe(403)
    expect((await response.json()).errors[0].message).toMatch(/没有导出权限/)
  })

  it('an unknown format is a 400 in Chinese, never a 500', async () => {
    for (const format of ['xls', '', 'CSV', '__proto__', 'toString', '../../etc/passwd']) {
      const response = await get(
        `/api/books/export?format=${encodeURIComponent(format)}`,
        tokens.editor,
      )
      expect(response.status, format).toBe(400)
      expect((await response.json()).errors[0].message).toMatch(/不支持的导出格式.*csv、xlsx、json/)
    }
    // No format: CSV.
    const response = await get('/api/books/export', tokens.editor)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
  })

  it('read access applies: a reader without staff rights gets no drafts and no staff-only fields', async () => {
    const req = await createLocalReq({}, t.payload) // no user: the public's read rules
    const result = await exportCollection({ req, collection: 'news', format: 'csv' })
    const chunks: Uint8Array[] = []
    for await (const chunk of result.body) chunks.push(chunk)
    const { header, rows } = readCsv(Buffer.concat(chunks))
    expect(header).not.toContain('editorialNote')
    expect(rows.map((row) => row.title)).toEqual(['主题党日活动']) // the published version only
    expect(Buffer.concat(chunks).toString('utf8')).not.toContain(draftTitle)

    const json = await exportCollection({ req, collection: 'books', format: 'json' })
    const bytes: Uint8Array[] = []
    for await (const chunk of json.body) bytes.push(chunk)
    const books = JSON.parse(Buffer.concat(bytes).toString('utf8'))
    expect(books).toHaveLength(5)
    expect(books.every((book: object) => !('editorialNote' in book))).toBe(true)
  })

  it('pages through the collection by id: every document once, in order', async () => {
    const req = await createLocalReq({}, t.payload)
    // 5 books in pages of 2 (two full pages, a short one); the news, with drafts, one by one.
    for (const [collection, pageSize] of [
      ['books', 2],
      ['news', 1],
    ] as const) {
      for (const format of ['csv', 'json'] as const) {
        const result = await exportCollection({
          req,
          collection,
          format,
          overrideAccess: true,
          pageSize,
        })
        const chunks: Uint8Array[] = []
        for await (const chunk of result.body) chunks.push(chunk)
        const text = Buffer.concat(chunks)
        const exported =
          format === 'csv'
            ? readCsv(text).rows.map((row) => row.id)
            : JSON.parse(text.toString('utf8')).map((doc: { id: unknown }) => String(doc.id))
        expect(exported, `${collection} ${format}`).toEqual(ids[collection].map(String))
        expect(result.documents()).toBe(ids[collection].length)
      }
    }
  })

  it('npm run export:collection writes the file; an unknown collection or format exits 1 in Chinese', async () => {
    const run = (...args: string[]) =>
      promisify(execFile)('npm', ['run', '-s', 'export:collection', '--', ...args], {
        env: { ...process.env, PAYLOAD_LOG_LEVEL: 'warn' },
      }).then(
        (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
        (failed: { code: number; stdout: string; stderr: string }) => failed,
      )
    const file = path.join(work, 'books.csv')
    const ok = await run('books', '--out', file)
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(/books 5 条/)
    const { rows } = readCsv(fs.readFileSync(file))
    expect(rows.map((row) => row.id)).toEqual(ids.books.map(String))

    // As an account: its read access applies (a contributor reads drafts and the editorial note).
    const asFile = path.join(work, 'news.json')
    const as = await run('news', '--format', 'json', '--out', asFile, '--as', emails.contributor)
    expect(as.code, as.stderr).toBe(0)
    const news = JSON.parse(fs.readFileSync(asFile, 'utf8'))
    expect(news.map((doc: { id: unknown }) => doc.id)).toEqual(ids.news)
    expect(news.map((doc: { title: string }) => doc.title)).toContain(draftTitle)
    expect(news.some((doc: { editorialNote?: string }) => doc.editorialNote === secret)).toBe(true)

    for (const args of [
      ['bookz'],
      ['news', '--as', 'nobody@test.example'],
      ['books', '--format', 'xls'],
      [],
      ['books', '--fromat', 'csv'],
    ]) {
      const failed = await run(...args)
      expect(failed.code, args.join(' ')).toBe(1)
      expect(failed.stderr).toMatch(/✘ export:collection 失败：.*[\u4e00-\u9fff]/)
      expect(failed.stderr).not.toMatch(/\n\s+at /) // no stack trace
    }
  }, 400_000)
})
