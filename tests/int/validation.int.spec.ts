import { afterAll, beforeAll, expect, it } from 'vitest'
import { generateImage } from '../../cms/seed/generateImage'
import { fieldErrors } from '../helpers/fieldErrors'
import { describeOnDatabase, startTestPayload, type TestPayload } from '../helpers/testPayload'

const book = (isbn?: string) => ({
  title: `测试图书 ${isbn ?? '无'}`,
  clc: 'D26',
  location: 'reading-room' as const,
  copies: 1,
  available: 1,
  isbn,
})

describeOnDatabase('validation: clear Chinese errors, nothing half-written', () => {
  let t: TestPayload
  beforeAll(async () => {
    t = await startTestPayload()
  })
  afterAll(() => t?.close())

  it('ISBN: checksum checked, separators ignored, duplicates refused, optional', async () => {
    expect(
      await fieldErrors(t.payload.create({ collection: 'books', data: book('978-7-02-000220-8') })),
    ).toEqual(['isbn: ISBN 校验位不正确，请核对是否抄错。'])
    expect(
      await fieldErrors(t.payload.create({ collection: 'books', data: book('12345') })),
    ).toEqual(['isbn: ISBN 应为 10 位或 13 位（13 位以 978 或 979 开头），可含连字符。'])
    const first = await t.payload.create({ collection: 'books', data: book('978 7 02 000220 7') })
    expect(first.isbn).toBe('9787020002207')
    expect(
      await fieldErrors(
        t.payload.create({
          collection: 'books',
          data: { ...book('9787020002207'), title: '另一本' },
        }),
      ),
    ).toEqual(['isbn: 馆藏中已有相同 ISBN 的图书。'])
    const isbn10 = await t.payload.create({ collection: 'books', data: book('0-8044-2957-x') })
    expect(isbn10.isbn).toBe('080442957X')
    // Older books carry no ISBN: any number of them.
    await t.payload.create({ collection: 'books', data: { ...book(), title: '旧书甲' } })
    await t.payload.create({ collection: 'books', data: { ...book(''), title: '旧书乙' } })
    const { totalDocs } = await t.payload.count({ collection: 'books' })
    expect(totalDocs).toBe(4)
  })

  it('books: CLC format and availability within copies', async () => {
    expect(
      await fieldErrors(
        t.payload.create({ collection: 'books', data: { ...book(), title: 'x', clc: '26' } }),
      ),
    ).toEqual(['clc: 分类号格式不正确，应以大类字母开头，如 D26、K27、TP311。'])
    expect(
      await fieldErrors(
        t.payload.create({
          collection: 'books',
          data: { ...book(), title: 'y', copies: 1, available: 3 },
        }),
      ),
    ).toEqual(['available: 可借册数不能多于复本数。'])
  })

  it('media: alt text is required', async () => {
    const data = await generateImage({ seed: 2, motif: 'wave', width: 400, height: 300 })
    const errors = await fieldErrors(
      t.payload.create({
        collection: 'media',
        data: { alt: '  ' },
        file: { data, mimetype: 'image/jpeg', name: 'no-alt.jpg', size: data.length },
      }),
    )
    expect(errors).toEqual(['alt: 请填写替代文字（描述图片或文件内容）。'])
    const files = await t.payload.count({ collection: 'media' })
    expect(files.totalDocs).toBe(0)
  })

  it('media: refuses SVG, disguised and unknown files with a Chinese message', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
    )
    const upload = (data: Buffer, name: string, mimetype: string) =>
      t.payload.create({
        collection: 'media',
        data: { alt: '测试' },
        file: { data, mimetype, name, size: data.length },
      })
    expect((await fieldErrors(upload(svg, 'logo.svg', 'image/svg+xml')))[0]).toMatch(/不支持 SVG/)
    expect((await fieldErrors(upload(svg, 'photo.png', 'image/png')))[0]).toMatch(/不支持 SVG/)
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)])
    expect((await fieldErrors(upload(exe, 'report.pdf', 'application/pdf')))[0]).toMatch(
      /不支持的文件类型.*允许上传/,
    )
    const text = Buffer.from('just some text, not an image')
    expect((await fieldErrors(upload(text, 'notes.jpg', 'image/jpeg')))[0]).toMatch(
      /不支持的文件类型/,
    )
    expect((await t.payload.count({ collection: 'media' })).totalDocs).toBe(0)
  })

  it('media: refuses files over the size limit', async () => {
    const previous = process.env.MEDIA_MAX_BYTES
    process.env.MEDIA_MAX_BYTES = '1000'
    try {
      const data = await generateImage({ seed: 3, motif: 'star', width: 400, height: 300 })
      expect(
        (
          await fieldErrors(
            t.payload.create({
              collection: 'media',
              data: { alt: '大图' },
              file: { data, mimetype: 'image/jpeg', name: 'big.jpg', size: data.length },
            }),
          )
        )[0],
      ).toMatch(/文件过大：上限为/)
    } finally {
      if (previous === undefined) delete process.env.MEDIA_MAX_BYTES
      else process.env.MEDIA_MAX_BYTES = previous
    }
  })

  it('slugs: Chinese titles become pinyin; duplicates get a suffix; a typed duplicate is refused', async () => {
    const a = await t.payload.create({
      collection: 'news',
      data: {
        title: '主题党日活动',
        category: 'party-building',
        summary: '摘要',
        _status: 'published',
      },
    })
    const b = await t.payload.create({
      collection: 'news',
      data: {
        title: '主题党日活动',
        category: 'party-building',
        summary: '摘要',
        _status: 'published',
      },
    })
    expect(a.slug).toBe('zhu-ti-dang-ri-huo-dong')
    expect(b.slug).toBe('zhu-ti-dang-ri-huo-dong-2')
    expect(
      await fieldErrors(
        t.payload.update({
          collection: 'news',
          id: b.id,
          data: { slug: 'zhu-ti-dang-ri-huo-dong' },
        }),
      ),
    ).toEqual(['slug: 该网址别名已被使用，请换一个。'])
    const typed = await t.payload.update({
      collection: 'news',
      id: b.id,
      data: { slug: '七一 活动' },
    })
    expect(typed.slug).toBe('qi-yi-huo-dong')
    const renamed = await t.payload.update({
      collection: 'news',
      id: a.id,
      data: { title: '完全不同的标题' },
    })
    expect(renamed.slug).toBe('zhu-ti-dang-ri-huo-dong')
  })

  it('news: title, category and a summary or body are required to publish, not to draft', async () => {
    const draft = await t.payload.create({
      collection: 'news',
      draft: true,
      data: { title: '只写了标题' },
    })
    expect(draft._status).toBe('draft')
    const errors = await fieldErrors(
      t.payload.update({ collection: 'news', id: draft.id, data: { _status: 'published' } }),
    )
    expect(errors).toEqual(
      expect.arrayContaining([
        'summary: 发布前请至少填写摘要或正文。',
        expect.stringMatching(/^category: /),
      ]),
    )
    const published = await t.payload.update({
      collection: 'news',
      id: draft.id,
      data: { _status: 'published', category: 'volunteer', summary: '志愿服务' },
    })
    expect(published._status).toBe('published')
  })
})
