import { afterAll, beforeAll, expect, it } from 'vitest'
import { generateImage } from '../../cms/seed/generateImage'
import { generateMp3 } from '../../cms/seed/generateAudio'
import { richTextFromParagraphs } from '../../cms/seed/lexical'
import { fieldErrors } from '../helpers/fieldErrors'
import { describeOnDatabase, startTestPayload, type TestPayload } from '../helpers/testPayload'

describeOnDatabase('collections: create, read, update, delete', () => {
  let t: TestPayload
  let imageId: number | string
  beforeAll(async () => {
    t = await startTestPayload()
    const data = await generateImage({ seed: 1, motif: 'star', width: 800, height: 500 })
    imageId = (
      await t.payload.create({
        collection: 'media',
        data: { alt: '测试图片' },
        file: { data, mimetype: 'image/jpeg', name: 'test.jpg', size: data.length },
      })
    ).id
  })
  afterAll(() => t?.close())

  it('media: stores the file and makes webp sizes, including og 1200×630', async () => {
    const media = await t.payload.findByID({ collection: 'media', id: imageId })
    expect(media.mimeType).toBe('image/jpeg')
    expect(media.sizes?.og).toMatchObject({ width: 1200, height: 630, mimeType: 'image/webp' })
    expect(media.sizes?.thumbnail?.mimeType).toBe('image/webp')
    expect(media.sizes?.card).toMatchObject({ width: 640, height: 400 })
    const updated = await t.payload.update({
      collection: 'media',
      id: imageId,
      data: { alt: '新的替代文字' },
    })
    expect(updated.alt).toBe('新的替代文字')
  })

  it('news: full round trip with a rich-text body holding an image', async () => {
    const created = await t.payload.create({
      collection: 'news',
      data: {
        title: '楼宇综合党委召开联席会议',
        category: 'joint-meeting',
        summary: '协调解决停车难题',
        cover: imageId as number,
        body: richTextFromParagraphs(['第一段', '第二段'], imageId) as never,
        tags: ['联席会', '停车'],
        _status: 'published',
      },
    })
    expect(created.slug).toBe('lou-yu-zong-he-dang-wei-zhao-kai-lian-xi-hui-yi')
    expect(created.publishedAt).toBeTruthy()
    const read = await t.payload.findByID({ collection: 'news', id: created.id, depth: 1 })
    expect(read.tags).toEqual(['联席会', '停车'])
    expect(typeof read.cover === 'object' && read.cover?.alt).toBe('新的替代文字')
    const updated = await t.payload.update({
      collection: 'news',
      id: created.id,
      data: { title: '联席会议（更新）' },
    })
    expect(updated.title).toBe('联席会议（更新）')
    expect(updated.slug).toBe(created.slug)
    await t.payload.delete({ collection: 'news', id: created.id })
    const gone = await t.payload.find({ collection: 'news', where: { id: { equals: created.id } } })
    expect(gone.totalDocs).toBe(0)
  })

  it('exhibitions and exhibits: sections in order, exhibits placed by section title or id', async () => {
    const exhibition = await t.payload.create({
      collection: 'exhibitions',
      data: {
        title: '百年党史展',
        venue: '红色教育基地',
        sections: [{ title: '开天辟地' }, { title: '改天换地' }, { title: '翻天覆地' }],
        _status: 'published',
      },
    })
    expect(exhibition.slug).toBe('bai-nian-dang-shi-zhan')
    expect(exhibition.sections?.map((s) => s.title)).toEqual(['开天辟地', '改天换地', '翻天覆地'])
    const second = exhibition.sections![1].id!
    const byTitle = await t.payload.create({
      collection: 'exhibits',
      data: {
        title: '中共一大召开',
        exhibition: exhibition.id,
        section: '开天辟地',
        year: 1921,
        order: 1,
        _status: 'published',
      },
    })
    expect(byTitle.section).toBe(exhibition.sections![0].id)
    await t.payload.create({
      collection: 'exhibits',
      data: {
        title: '遵义会议',
        exhibition: exhibition.id,
        section: second,
        year: 1935,
        order: 2,
        images: [{ image: imageId as number, caption: '会址' }],
        _status: 'published',
      },
    })
    expect(
      await fieldErrors(
        t.payload.create({
          collection: 'exhibits',
          data: {
            title: '无展区',
            exhibition: exhibition.id,
            section: '不存在',
            year: 2000,
            _status: 'published',
          },
        }),
      ),
    ).toEqual(['section: 所选展览中没有名为“不存在”的展区。'])
    const timeline = await t.payload.find({
      collection: 'exhibits',
      where: { exhibition: { equals: exhibition.id } },
      sort: 'year',
    })
    expect(timeline.docs.map((d) => d.year)).toEqual([1921, 1935])
    const updated = await t.payload.update({
      collection: 'exhibits',
      id: byTitle.id,
      data: { year: 1922 },
    })
    expect(updated.year).toBe(1922)
    await t.payload.delete({ collection: 'exhibits', id: byTitle.id })
  })

  it('speakers and lectures: relationship, chapters, transcript, recording and attachments', async () => {
    const speaker = await t.payload.create({
      collection: 'speakers',
      data: { name: '张明远', title: '省委党校教授', bio: '长期从事党史研究。' },
    })
    expect(speaker.slug).toBe('zhang-ming-yuan')
    const audio = generateMp3({ seconds: 2 })
    const recording = await t.payload.create({
      collection: 'media',
      data: { alt: '讲座录音' },
      file: { data: audio, mimetype: 'audio/mpeg', name: 'talk.mp3', size: audio.length },
    })
    const lecture = await t.payload.create({
      collection: 'lectures',
      data: {
        title: '从党史中汲取奋进力量',
        series: 'red-collar',
        episode: 28,
        speaker: speaker.id,
        date: '2024-06-28T06:30:00.000Z',
        durationMinutes: 90,
        recording: recording.id,
        chapters: [
          { start: '00:00', title: '开场' },
          { start: '15:30', title: '建党精神' },
        ],
        transcript: '同志们好。\n\n今天我们讲……',
        attachments: [recording.id],
        tags: ['党史'],
        _status: 'published',
      },
    })
    const read = await t.payload.findByID({ collection: 'lectures', id: lecture.id, depth: 1 })
    expect(typeof read.speaker === 'object' && read.speaker?.name).toBe('张明远')
    expect(typeof read.recording === 'object' && read.recording?.mimeType).toBe('audio/mpeg')
    expect(read.chapters?.map((c) => c.start)).toEqual(['00:00', '15:30'])
    expect(
      await fieldErrors(
        t.payload.update({
          collection: 'lectures',
          id: lecture.id,
          data: {
            chapters: [
              { start: '20:00', title: 'a' },
              { start: '10:00', title: 'b' },
            ],
          },
        }),
      ),
    ).toEqual(['chapters: 第 2 个章节的开始时间应晚于上一章节。'])
    await t.payload.delete({ collection: 'lectures', id: lecture.id })
    await t.payload.delete({ collection: 'speakers', id: speaker.id })
  })

  it('books: catalogue entry with derived class and availability', async () => {
    const book = await t.payload.create({
      collection: 'books',
      data: {
        title: '中国共产党简史',
        authors: ['本书编写组'],
        publisher: '人民出版社',
        year: 2021,
        isbn: '978-7-02-000220-7',
        clc: 'D229',
        callNumber: 'D229/1',
        location: 'reading-room',
        copies: 3,
        available: 0,
      },
    })
    expect(book.isbn).toBe('9787020002207')
    expect(book.clcClass).toBe('D')
    expect(book.inStock).toBe(false)
    const updated = await t.payload.update({
      collection: 'books',
      id: book.id,
      data: { available: 2 },
    })
    expect(updated.inStock).toBe(true)
    const listed = await t.payload.find({
      collection: 'books',
      where: { inStock: { equals: true } },
    })
    expect(listed.docs.map((d) => d.id)).toContain(book.id)
    await t.payload.delete({ collection: 'books', id: book.id })
  })

  it('site global: name, figures, navigation and contact', async () => {
    await t.payload.updateGlobal({
      slug: 'site',
      data: {
        siteName: '红色山高',
        figures: [{ label: '党员', value: 564, unit: '名' }],
        navigation: [{ label: '首页', href: '/' }],
        contact: { phone: '027-0000-0000' },
      },
    })
    const site = await t.payload.findGlobal({ slug: 'site' })
    expect(site.figures?.[0]).toMatchObject({ label: '党员', value: 564 })
    expect(site.contact?.phone).toBe('027-0000-0000')
  })

  it('users: the first account becomes an admin; roles are kept', async () => {
    const first = await t.payload.create({
      collection: 'users',
      data: {
        email: 'first@test.example',
        password: 'pw-1234567890',
        name: '首位用户',
        roles: ['contributor'],
      },
    })
    expect(first.roles).toEqual(['admin'])
    const second = await t.payload.create({
      collection: 'users',
      data: {
        email: 'second@test.example',
        password: 'pw-1234567890',
        name: '编辑',
        roles: ['editor'],
      },
    })
    expect(second.roles).toEqual(['editor'])
  })
})
