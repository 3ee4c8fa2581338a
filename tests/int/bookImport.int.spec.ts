/**
 * 汇书房 catalogue import on a real database: the preview finds exactly the bad rows of a
 * 1,000-row sheet (Excel and GBK CSV alike), confirming imports the rest as one unit and one
 * publisher update, a second import changes nothing, MARC fields all arrive, and a failure
 * part-way leaves the catalogue as it was.
 */
import { createLocalReq, type PayloadRequest } from 'payload'
import { slugify } from '../../shared/slugify'
import { bookUrl } from '../../site/src/lib/urls'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { exportCollection } from '../../cms/collectionExport/exportCollection'
import { applyImport, ImportRefused } from '../../cms/bookImport/applyImport'
import { guessMapping } from '../../cms/bookImport/headerAliases'
import {
  checkChoices,
  describeResult,
  previewBookImport,
  runBookImport,
} from '../../cms/bookImport/importBooks'
import { ImportFileError } from '../../cms/bookImport/importErrors'
import { planImport } from '../../cms/bookImport/planImport'
import { readBookFile } from '../../cms/bookImport/readBookFile'
import { QueueDrainer } from '../../publisher/queueDrainer'
import type { SiteChange } from '../../cms/payload-types'
import {
  badRowReasons,
  catalogue,
  isbn10Of,
  marcBooks,
  toCnmarc,
  toCsv,
  toMarc21,
  toXlsx,
} from '../helpers/bookCatalogue'
import {
  createUser,
  describeOnDatabase,
  startTestPayload,
  type TestPayload,
} from '../helpers/testPayload'

describeOnDatabase('汇书房 import', () => {
  let t: TestPayload
  const sheet = catalogue(1000, { withBadRows: true })
  let xlsx: Buffer
  const books = async () => (await t.payload.count({ collection: 'books' })).totalDocs
  const queued = async () =>
    (await t.payload.count({ collection: 'site-changes', overrideAccess: true })).totalDocs
  const clearQueue = () =>
    t.payload.delete({ collection: 'site-changes', where: {}, overrideAccess: true })

  beforeAll(async () => {
    t = await startTestPayload()
    xlsx = await toXlsx(sheet)
  }, 240_000)
  afterAll(() => t?.close())

  it('previews a 1,000-row sheet: exactly its 30 bad rows, by row number and reason, and writes nothing', async () => {
    const preview = await previewBookImport(t.payload, {
      bytes: xlsx,
      fileName: '馆藏.xlsx',
      choices: {},
    })
    expect(preview.format).toBe('xlsx')
    expect(preview.counts).toEqual({ new: 970, updated: 0, unchanged: 0, invalid: 30 })
    expect(preview.invalid.map((row) => row.rowNumber)).toEqual(
      sheet.bad.map((row) => row.rowNumber),
    )
    for (const [index, { kind }] of sheet.bad.entries())
      expect(preview.invalid[index].problems.join(' ')).toMatch(badRowReasons[kind])
    expect(preview.mapping).toMatchObject({
      书名: 'title',
      作者: 'authors',
      中图分类号: 'clc',
      馆藏地点: 'location',
      简介: 'summary',
    })
    expect(await books()).toBe(0)
  })

  it('reads the same sheet saved as GBK CSV the same way, and lets the editor override the encoding', async () => {
    const gbk = toCsv(sheet, 'gbk')
    const preview = await previewBookImport(t.payload, {
      bytes: gbk,
      fileName: 'export.csv',
      choices: {},
    })
    expect(preview.guessedEncoding).toBe('gb18030')
    expect(preview.counts).toEqual({ new: 970, updated: 0, unchanged: 0, invalid: 30 })
    expect(preview.invalid.map((row) => row.rowNumber)).toEqual(
      sheet.bad.map((row) => row.rowNumber),
    )
    const forced = await readBookFile(gbk, 'export.csv', 'utf-8')
    expect(forced.encoding).toBe('utf-8')
    expect(forced.table.headers).not.toContain('书名')
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), toCsv(sheet)])
    expect((await readBookFile(bom, 'a.csv')).table.headers[0]).toBe('书名')
  })

  it('"all or nothing" with invalid rows imports nothing; "valid rows" imports 970 as one publisher update', async () => {
    await clearQueue()
    await expect(
      runBookImport(t.payload, { bytes: xlsx, fileName: 'a.xlsx', choices: {} }, { mode: 'all' }),
    ).rejects.toThrow(/有 30 行无效.*没有导入任何图书/)
    expect(await books()).toBe(0)
    expect(await queued()).toBe(0)

    const editor = await createUser(t.payload, 'editor')
    const progress: number[] = []
    const { result } = await runBookImport(
      t.payload,
      { bytes: xlsx, fileName: 'a.xlsx', choices: {} },
      { mode: 'valid', user: editor, onProgress: ({ done }) => progress.push(done) },
    )
    expect(result).toEqual({ created: 970, updated: 0, unchanged: 0, skipped: 30 })
    expect(progress.at(-1)).toBe(970)
    expect(progress.length).toBeGreaterThan(5)
    expect(await books()).toBe(970)

    const updates: SiteChange[][] = []
    const drainer = new QueueDrainer(
      t.payload,
      {
        requestFullBuild: () => undefined,
        applyDocuments: async (rows) => {
          updates.push(rows)
          return null
        },
        hasPendingWork: () => false,
        failed: async (error) => {
          throw error
        },
        idle: () => undefined,
      },
      (task) => task(),
    )
    await drainer.drain()
    expect(updates.map((rows) => rows.length)).toEqual([970])
    expect(await queued()).toBe(0)

    const stored = await t.payload.find({
      collection: 'books',
      where: { isbn: { equals: sheet.rows[4][5] } },
    })
    expect(stored.docs[0]).toMatchObject({
      title: sheet.rows[4][0],
      authors: sheet.rows[4][2].split('；'),
      subjects: sheet.rows[4][11].split('；'),
      location: 'unattended-library',
      clc: sheet.rows[4][6],
      callNumber: sheet.rows[4][7],
      copies: Number(sheet.rows[4][9]),
      available: Number(sheet.rows[4][10]),
      year: Number(sheet.rows[4][4]),
    })
  }, 180_000)

  it('a second import of the same file (or its GBK CSV) changes nothing and says so', async () => {
    await clearQueue()
    for (const [bytes, fileName] of [
      [xlsx, 'a.xlsx'],
      [toCsv(sheet, 'gbk'), 'a.csv'],
    ] as const) {
      const { result } = await runBookImport(
        t.payload,
        { bytes, fileName, choices: {} },
        { mode: 'valid' },
      )
      expect(result).toEqual({ created: 0, updated: 0, unchanged: 970, skipped: 30 })
      expect(describeResult(result)).toMatch(/馆藏没有变化/)
    }
    expect(await books()).toBe(970)
    expect(await queued()).toBe(0)
  })

  it('updates by ISBN (either form) and by 索书号 when there is none; the preview names the changed fields', async () => {
    const changed = catalogue(3)
    changed.rows[0][5] = isbn10Of(changed.rows[0][5])
    changed.rows[0][9] = '9'
    changed.rows[0][10] = '8'
    changed.rows[1][5] = ''
    changed.rows[1][12] = '新的简介'
    const preview = await previewBookImport(t.payload, {
      bytes: await toXlsx(changed),
      fileName: 'b.xlsx',
      choices: {},
    })
    expect(preview.counts).toEqual({ new: 0, updated: 2, unchanged: 1, invalid: 0 })
    expect(preview.changes[0].changes).toEqual(['复本数', '可借册数'])
    expect(preview.changes[1].changes).toEqual(['ISBN', '内容简介'])
  })

  it('takes every mapped field from 50 CNMARC records and from MARC21', async () => {
    for (const [write, firstIndex, standard] of [
      [toCnmarc, 5000, 'CNMARC'],
      [toMarc21, 6000, 'MARC21'],
    ] as const) {
      const expected = marcBooks(50, firstIndex)
      const { preview, result } = await runBookImport(
        t.payload,
        { bytes: write(expected), fileName: 'records.mrc', choices: {} },
        { mode: 'all' },
      )
      expect(preview.standard).toBe(standard)
      expect(result.created).toBe(50)
      for (const book of [expected[0], expected[17], expected[49]]) {
        const { docs } = await t.payload.find({
          collection: 'books',
          where: { isbn: { equals: book.isbn } },
        })
        const { location, ...fields } = book
        expect(docs[0]).toMatchObject({ ...fields, available: book.copies })
        expect(location).toBe(
          {
            'reading-room': '汇书房',
            'unattended-library': '无人值守图书馆',
            'party-reading-area': '党建阅览区',
          }[docs[0].location],
        )
      }
    }
  }, 120_000)

  it('export → import round-trips the catalogue unchanged (CSV with its formula guard, and .xlsx)', async () => {
    const tricky = await t.payload.create({
      collection: 'books',
      data: {
        title: '=HYPERLINK("x")：公式样的书名',
        subtitle: '-副书名',
        authors: ['@作者', '马克思'],
        subjects: ['+主题'],
        summary: '第一行\n第二行，含 "引号"',
        clc: 'D26',
        callNumber: 'D26/9999',
        location: 'party-reading-area',
        copies: 3,
        available: 2,
        year: 2001,
      },
    })
    const before = await t.payload.find({
      collection: 'books',
      limit: 0,
      pagination: false,
      depth: 0,
      sort: 'id',
    })
    const req = await createLocalReq({}, t.payload)
    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await exportCollection({
        req,
        collection: 'books',
        format,
        overrideAccess: true,
      })
      const chunks: Uint8Array[] = []
      for await (const chunk of exported.body) chunks.push(chunk)
      const bytes = Buffer.concat(chunks)
      if (format === 'csv') expect(bytes.toString('utf8')).toContain("'=HYPERLINK")
      const { preview, result } = await runBookImport(
        t.payload,
        { bytes, fileName: exported.fileName, choices: {} },
        { mode: 'all' },
      )
      expect(preview.mapping).toMatchObject({
        id: null,
        slug: null,
        title: 'title',
        authors: 'authors',
      })
      expect(result).toEqual({ created: 0, updated: 0, unchanged: before.docs.length, skipped: 0 })
    }
    const after = await t.payload.find({
      collection: 'books',
      limit: 0,
      pagination: false,
      depth: 0,
      sort: 'id',
    })
    expect(after.docs).toEqual(before.docs)
    expect(after.docs.find((book) => book.id === tricky.id)).toMatchObject({
      title: '=HYPERLINK("x")：公式样的书名',
      authors: ['@作者', '马克思'],
    })
  }, 120_000)

  it('a save that fails part-way undoes the whole import', async () => {
    const before = await books()
    const fresh = catalogue(300, { firstIndex: 20_000 })
    const file = await readBookFile(await toXlsx(fresh), 'c.xlsx')
    const plan = await planImport(t.payload, file.table, guessMapping(file.table.headers))
    // Between the preview and the save, someone adds row 200's book by hand.
    await t.payload.create({
      collection: 'books',
      data: {
        title: '手工录入',
        isbn: fresh.rows[198][5],
        clc: 'D26',
        location: 'reading-room',
        copies: 1,
        available: 1,
      },
    })
    await expect(applyImport(t.payload, plan, { mode: 'valid' })).rejects.toThrow(
      /第 200 行.*整个导入已撤销/,
    )
    expect(await books()).toBe(before + 1)
  })

  it('refuses unreadable files and wrong choices with a clear 400', async () => {
    const refuses = (promise: Promise<unknown>, message: RegExp) =>
      expect(promise).rejects.toSatisfy(
        (error) =>
          error instanceof ImportFileError && error.status === 400 && message.test(error.message),
      )
    await refuses(readBookFile(Buffer.alloc(0), 'a.csv'), /空/)
    await refuses(readBookFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'a.xls'), /xlsx/)
    await refuses(readBookFile(Buffer.from('PK\x03\x04garbage'), 'a.xlsx'), /Excel/)
    await refuses(readBookFile(Buffer.from('hello'), 'a.mrc'), /ISO 2709/)
    await refuses(readBookFile(Buffer.from('x'), 'a.pdf'), /不支持/)
    expect(() => checkChoices({ encoding: 'latin1' })).toThrow(/不支持的编码/)
    expect(() => checkChoices({ mapping: { 书名: 'password' } })).toThrow(/不存在/)
    expect(() => checkChoices({ mapping: { 书名: 'title', 题名: 'title' } })).toThrow(/多个列/)
    expect(() => checkChoices({ mapping: ['title'] })).toThrow(/对象/)
    expect(() => checkChoices('x')).toThrow(/JSON 对象/)
  })

  it('writes new books as Local API creates of the same rows would: fields, slugs, queue rows, audit entries, redirects', async (context) => {
    const fresh = catalogue(40, { firstIndex: 50_000 })
    const [existing] = (await t.payload.find({ collection: 'books', limit: 1, sort: 'id' })).docs
    fresh.rows[1][0] = fresh.rows[0][0] // the same title twice in the file
    fresh.rows[2][0] = existing.title // a title (so a slug) the catalogue already has
    fresh.rows[3][5] = '' // no ISBN
    fresh.rows[4][2] = '' // no authors, no subjects, no summary
    fresh.rows[4][11] = ''
    fresh.rows[4][12] = ''
    fresh.rows[5][0] = '《》！' // a title that gives no slug
    fresh.rows[6][8] = '' // the default location
    fresh.rows[7][0] = '\u202e倒序 😀 𠮷野家\u200b书名 ' + '长'.repeat(400) // other planes, bidi and zero-width
    fresh.rows[7][2] = Array.from({ length: 150 }, (_, i) => `作者${i}`).join('；')
    const file = await readBookFile(await toXlsx(fresh), 'e.xlsx')
    const plan = await planImport(t.payload, file.table, guessMapping(file.table.headers))
    expect(plan.counts.new).toBe(40)
    // The preview and the CLI name a row by its title without bidi controls, clipped.
    expect(plan.rows[7].title).toBe(`倒序 😀 𠮷野家书名 ${'长'.repeat(49)}…`)
    // An old redirect from the path the first book's page takes: the page wins.
    await t.payload.create({
      collection: 'redirects',
      data: {
        from: bookUrl(slugify(fresh.rows[0][0])),
        to: { type: 'custom', url: '/library/' },
        origin: 'manual',
      },
    })
    const callNumbers = fresh.rows.map((row) => row[7])

    /** What the rows became, without ids and times (which differ between the two runs). */
    const outcome = async (req?: PayloadRequest) => {
      const read = { depth: 0, limit: 0, pagination: false, overrideAccess: true, req } as const
      const { docs } = await t.payload.find({
        collection: 'books',
        where: { callNumber: { in: callNumbers } },
        sort: 'callNumber',
        ...read,
      })
      const slugOf = new Map(docs.map((doc) => [String(doc.id), doc.slug ?? null]))
      const ids = [...slugOf.keys()]
      const queue = await t.payload.find({
        collection: 'site-changes',
        where: { documentId: { in: ids } },
        ...read,
      })
      const audit = await t.payload.find({
        collection: 'audit-log',
        where: { and: [{ targetCollection: { equals: 'books' } }, { documentId: { in: ids } }] },
        ...read,
      })
      const redirects = await t.payload.find({ collection: 'redirects', ...read })
      return {
        books: docs.map((doc) =>
          Object.fromEntries(
            Object.entries(doc).filter(([key]) => !['id', 'createdAt', 'updatedAt'].includes(key)),
          ),
        ),
        queue: queue.docs
          .map((row) => `${row.kind} ${row.targetCollection} ${slugOf.get(row.documentId!)}`)
          .sort(),
        audit: audit.docs
          .map(({ action, actorName, documentTitle, summary, changes, documentId }) =>
            JSON.stringify({
              action,
              actorName,
              documentTitle,
              summary,
              changes,
              slug: slugOf.get(documentId!),
            }),
          )
          .sort(),
        redirects: redirects.docs.map((redirect) => redirect.from).sort(),
      }
    }

    const req = await createLocalReq({}, t.payload)
    const transactionID = await t.payload.db.beginTransaction()
    if (!transactionID) return context.skip() // MongoDB without a replica set: nothing to roll back
    req.transactionID = transactionID
    let expected: Awaited<ReturnType<typeof outcome>>
    try {
      for (const row of plan.rows)
        await t.payload.create({
          collection: 'books',
          data: row.data as never,
          req,
          overrideAccess: true,
        })
      expected = await outcome(req)
    } finally {
      await t.payload.db.rollbackTransaction(transactionID)
    }
    expect(await outcome()).toMatchObject({ books: [], queue: [], audit: [] })

    await applyImport(t.payload, plan, { mode: 'valid' })
    const bulk = await outcome()
    expect(bulk.books).toHaveLength(40)
    const slugOfRow = (index: number) =>
      bulk.books.find((book) => book.callNumber === callNumbers[index])?.slug ?? null
    expect(slugOfRow(0)).toBe(slugify(fresh.rows[0][0]))
    expect(slugOfRow(1)).toBe(`${slugify(fresh.rows[0][0])}-2`)
    expect(slugOfRow(2)).toBe(`${existing.slug}-2`)
    expect(slugOfRow(5)).toBeNull()
    expect(bulk.redirects).not.toContain(bookUrl(slugify(fresh.rows[0][0])))
    expect(bulk).toEqual(expected)
  }, 120_000)

  it('refuses a contributor: the import saves with the editor’s access', async () => {
    const contributor = await createUser(t.payload, 'contributor')
    const before = await books()
    await expect(
      runBookImport(
        t.payload,
        {
          bytes: await toXlsx(catalogue(2, { firstIndex: 30_000 })),
          fileName: 'd.xlsx',
          choices: {},
        },
        { mode: 'all', user: contributor },
      ),
    ).rejects.toBeInstanceOf(ImportRefused)
    expect(await books()).toBe(before)
  })
})
