/**
 * The media library as an attacker sees it: polyglot uploads of every allowed type (a valid file
 * with a page or script inside or after it) are refused, images are re-encoded so nothing foreign
 * survives, stored names take the sniffed type's extension, and contributors cannot change media
 * that published content shows.
 */
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { generateMp3 } from '../../cms/seed/generateAudio'
import { generatePdf } from '../../cms/seed/generatePdf'
import { richTextFromParagraphs } from '../../cms/seed/lexical'
import { fieldErrors } from '../helpers/fieldErrors'
import {
  createUser,
  describeOnDatabase,
  startTestPayload,
  type TestPayload,
} from '../helpers/testPayload'

const page = Buffer.from(
  '<html><body><script>fetch("/api/users",{method:"POST",credentials:"include"})</script></body></html>',
)

const pixels = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 180, g: 30, b: 30 } } })
const images: Record<string, () => Promise<Buffer>> = {
  png: () => pixels().png().toBuffer(),
  jpg: () => pixels().jpeg().toBuffer(),
  webp: () => pixels().webp().toBuffer(),
  gif: () => pixels().gif().toBuffer(),
  avif: () => pixels().avif().toBuffer(),
}

/** A minimal ISO BMFF video: `ftyp` (isom) and an `mdat` box holding `payload`. */
function mp4(payload: Buffer): Buffer {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 24]),
    Buffer.from('ftypisom'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from('isomiso2'),
  ])
  const size = Buffer.alloc(4)
  size.writeUInt32BE(8 + payload.length)
  return Buffer.concat([ftyp, size, Buffer.from('mdat'), payload])
}

/** A PDF whose catalog runs JavaScript when opened. */
function pdfWithJavaScript(): Buffer {
  return Buffer.from(
    generatePdf('x')
      .toString('latin1')
      .replace(
        '/Type /Catalog',
        '/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>',
      ),
    'latin1',
  )
}

describeOnDatabase('uploads and media access: the contributor-to-admin chain, link by link', () => {
  let t: TestPayload
  let contributor: Awaited<ReturnType<typeof createUser>>
  let editor: Awaited<ReturnType<typeof createUser>>
  beforeAll(async () => {
    t = await startTestPayload()
    await createUser(t.payload, 'admin') // the first account becomes an admin whatever its role
    contributor = await createUser(t.payload, 'contributor')
    editor = await createUser(t.payload, 'editor')
  })
  afterAll(() => t?.close())

  const upload = (data: Buffer, name: string, mimetype = 'image/png') =>
    t.payload.create({
      collection: 'media',
      data: { alt: '测试' },
      file: { data, mimetype, name, size: data.length },
      user: contributor,
      overrideAccess: false,
    })

  it('refuses each allowed image type with HTML appended, whatever the name', async () => {
    for (const [type, make] of Object.entries(images)) {
      const polyglot = Buffer.concat([await make(), page])
      for (const name of ['x.html', `x.${type}`]) {
        const errors = await fieldErrors(upload(polyglot, name, 'text/html'))
        expect(errors[0], `${type} as ${name}`).toMatch(/伪装的网页或脚本/)
      }
    }
    // Embedded, not appended: a PNG text chunk holding a script.
    const png = await images.png()
    const chunk = Buffer.concat([
      Buffer.from([0, 0, 0, 40]),
      Buffer.from('tEXt'),
      Buffer.from('Comment\0<script>alert(1)</script>xxxxxxx'),
      Buffer.alloc(4),
    ])
    const embedded = Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)])
    expect((await fieldErrors(upload(embedded, 'x.png')))[0]).toMatch(/伪装的网页或脚本/)
    expect((await t.payload.count({ collection: 'media' })).totalDocs).toBe(0)
  })

  it('refuses a PDF with a page appended or JavaScript inside, and MP3 / MP4 carrying script', async () => {
    expect(
      (
        await fieldErrors(
          upload(Buffer.concat([generatePdf('x'), page]), 'x.pdf', 'application/pdf'),
        )
      )[0],
    ).toMatch(/伪装的网页或脚本/)
    expect((await fieldErrors(upload(pdfWithJavaScript(), 'x.pdf', 'application/pdf')))[0]).toMatch(
      /PDF 动作 \/JavaScript|PDF 动作 \/JS/,
    )
    expect(
      (await fieldErrors(upload(Buffer.concat([generateMp3(), page]), 'x.mp3', 'audio/mpeg')))[0],
    ).toMatch(/伪装的网页或脚本/)
    expect((await fieldErrors(upload(mp4(page), 'x.mp4', 'video/mp4')))[0]).toMatch(
      /伪装的网页或脚本/,
    )
    expect((await t.payload.count({ collection: 'media' })).totalDocs).toBe(0)
  })

  it('names the stored file by its sniffed type: no uploader extension, no RTL override, no double extension', async () => {
    const png = await images.png()
    const cases: [string, string][] = [
      ['x.html', 'x.png'],
      ['x.png.html', 'x-png.png'],
      ['photo\u202Egnp.html', 'photognp.png'],
      ['re\u200bport\u202e.jpg', 'report.png'],
      ['..\\..\\evil.php.html', 'evil-php.png'],
      [`${'长'.repeat(300)}.png`, `${'长'.repeat(40)}.png`],
    ]
    for (const [name, stored] of cases) {
      const doc = await upload(png, name, 'text/html')
      expect(doc.filename, name.slice(0, 30)).toBe(stored)
      expect(doc.mimeType).toBe('image/png')
      for (const size of Object.values(doc.sizes ?? {}))
        if (size?.filename) expect(size.filename).toMatch(/\.webp$/)
      await t.payload.delete({ collection: 'media', id: doc.id })
    }
    const pdf = await upload(generatePdf('ok'), 'slides.pdf.exe', 'application/octet-stream')
    expect(pdf.filename).toBe('slides-pdf.pdf')
    const audio = await upload(generateMp3(), 'talk.html', 'text/html')
    expect(audio.filename).toBe('talk.mp3')
    const video = await upload(mp4(Buffer.alloc(64)), 'clip', 'video/mp4')
    expect(video.filename).toBe('clip.mp4')
  })

  it('refuses a copy of a file already in the media folder (`{ filename, url }`), which would skip every check (regression guard)', async () => {
    const polyglot = Buffer.concat([await images.png(), page])
    fs.mkdirSync(t.mediaDir, { recursive: true })
    fs.writeFileSync(path.join(t.mediaDir, 'legacy.html'), polyglot)
    const before = (await t.payload.count({ collection: 'media' })).totalDocs
    const errors = await fieldErrors(
      t.payload.create({
        collection: 'media',
        data: { alt: '复制', filename: 'legacy.html', url: '/api/media/file/legacy.html' } as never,
        user: contributor,
        overrideAccess: false,
      }),
    )
    expect(errors.length).toBeGreaterThan(0)
    expect((await t.payload.count({ collection: 'media' })).totalDocs).toBe(before)
    expect(fs.readdirSync(t.mediaDir).filter((name) => name.startsWith('legacy'))).toEqual([
      'legacy.html',
    ])
  })

  it('re-encodes images: bytes after the image and metadata do not survive', async () => {
    for (const [type, make] of Object.entries(images)) {
      const trailer = Buffer.from(
        'PK\u0003\u0004 zip archive riding along, harmless-looking but foreign',
      )
      const doc = await upload(Buffer.concat([await make(), trailer]), `trailer.${type}`)
      const stored = fs.readFileSync(path.join(t.mediaDir, doc.filename!))
      expect(stored.includes(trailer), type).toBe(false)
      expect(doc.width).toBe(64)
      await t.payload.delete({ collection: 'media', id: doc.id })
    }
  })

  it('media access: contributors change media no published content uses; editors change any', async () => {
    const png = await images.png()
    const make = async (name: string) => (await upload(png, `${name}.png`)).id
    const [cover, inBody, bookCover, attachment, draftOnly, draftOfPublished, unused] =
      await Promise.all(
        [
          'cover',
          'in-body',
          'book',
          'attachment',
          'draft-only',
          'draft-of-published',
          'unused',
        ].map(make),
      )
    const news = await t.payload.create({
      collection: 'news',
      data: {
        title: '已发布新闻',
        category: 'party-building',
        summary: '摘要',
        cover,
        body: richTextFromParagraphs(['正文'], inBody) as never,
        _status: 'published',
      },
    })
    await t.payload.create({
      collection: 'books',
      data: {
        title: '书',
        clc: 'D26',
        location: 'reading-room',
        copies: 1,
        available: 1,
        cover: bookCover,
      },
    })
    await t.payload.create({
      collection: 'lectures',
      data: {
        title: '讲座',
        series: 'red-collar',
        date: '2026-01-01T00:00:00.000Z',
        attachments: [attachment],
        _status: 'published',
      },
    })
    await t.payload.create({
      collection: 'news',
      data: { title: '草稿', category: 'party-building', cover: draftOnly, _status: 'draft' },
      draft: true,
    })
    // A draft of a published article: its new cover is not live yet.
    await t.payload.update({
      collection: 'news',
      id: news.id,
      data: { cover: draftOfPublished, _status: 'draft' },
      draft: true,
    })

    const edit = (id: number | string, user: typeof contributor) =>
      t.payload.update({
        collection: 'media',
        id,
        data: { alt: `改 ${user.roles}` },
        user,
        overrideAccess: false,
      })
    for (const id of [cover, inBody, bookCover, attachment]) {
      await expect(edit(id, contributor), `contributor on used ${id}`).rejects.toThrow(
        /not allowed|无权|允许/,
      )
    }
    for (const id of [draftOnly, draftOfPublished, unused])
      expect((await edit(id, contributor)).alt).toMatch(/改/)
    for (const id of [cover, inBody, bookCover, attachment])
      expect((await edit(id, editor)).alt).toMatch(/改/)

    // A new file for a live image: refused as well.
    const replacement = await images.jpg()
    await expect(
      t.payload.update({
        collection: 'media',
        id: cover,
        data: {},
        file: {
          data: replacement,
          mimetype: 'image/jpeg',
          name: 'new.jpg',
          size: replacement.length,
        },
        user: contributor,
        overrideAccess: false,
      }),
    ).rejects.toThrow()

    // A bulk change leaves live media alone.
    await t.payload.update({
      collection: 'media',
      where: { id: { exists: true } },
      data: { alt: '批量' },
      user: contributor,
      overrideAccess: false,
    })
    const alts = new Map(
      (await t.payload.find({ collection: 'media', pagination: false, depth: 0 })).docs.map(
        (doc) => [doc.id, doc.alt],
      ),
    )
    expect(alts.get(unused)).toBe('批量')
    expect(alts.get(draftOnly)).toBe('批量')
    for (const id of [cover, inBody, bookCover, attachment]) expect(alts.get(id)).not.toBe('批量')
  })
})
