/**
 * `SiteState.plan` (publisher/siteState.ts) on a tiny site: an update re-renders exactly the
 * pages whose props change and removes exactly the pages that disappear, so the live site after
 * an update equals a full build of the new content. Pure: no database, no build.
 */
import { describe, expect, it } from 'vitest'
import { SiteState, type EntryChange } from '../../publisher/siteState'
import type { SiteContent } from '../../shared/siteContent'
import { buildContentIndex } from '../../site/src/cms/buildContentIndex'
import { allPageRoutes } from '../../site/src/routes/pageRoutes'
import { newsEntry, tinySiteContent } from './fixtures/tinySite'

/** Path → props of every page of a full build. */
const fullBuild = (content: SiteContent) =>
  new Map(
    allPageRoutes(buildContentIndex(content)).map((route) => [
      route.path,
      JSON.stringify(route.props),
    ]),
  )

/** What a full build says must change between two versions of the content. */
function expectedChanges(before: SiteContent, after: SiteContent) {
  const [old, next] = [fullBuild(before), fullBuild(after)]
  return {
    render: [...next.keys()].filter((path) => old.get(path) !== next.get(path)).sort(),
    remove: [...old.keys()].filter((path) => !next.has(path)).sort(),
  }
}

function planOf(changes: EntryChange[]) {
  const state = SiteState.from(tinySiteContent())
  const plan = state.plan(changes)
  return {
    state,
    plan,
    render: plan.render.map((route) => route.path).sort(),
    remove: [...plan.remove].sort(),
  }
}

describe('SiteState.plan', () => {
  it('plans nothing when a change leaves the public version as it is', () => {
    const same = tinySiteContent().news[0]
    const { plan } = planOf([{ collection: 'news', id: same.id, entry: same }])
    expect(plan.changed).toEqual([])
    expect(plan.render).toEqual([])
    expect(plan.files).toEqual([])
  })

  it('re-renders a retitled article’s pages and no library or lecture page', () => {
    const content = tinySiteContent()
    const entry = { ...content.news[2], title: '新标题' }
    const { plan, render, remove } = planOf([{ collection: 'news', id: entry.id, entry }])
    const after = {
      ...content,
      news: content.news.map((item) => (item.id === entry.id ? entry : item)),
    }
    expect({ render, remove }).toEqual(expectedChanges(content, after))
    // The article, the lists that show it, the home page, articles that list it as related.
    expect(render).toContain('/news/news-3/')
    expect(render).toContain('/news/category/volunteer/')
    expect(render).toContain('/')
    expect(render).toContain('/news/news-1/')
    expect(
      render.filter((path) => /^\/(library|lectures|speakers|exhibitions)\//.test(path)),
    ).toEqual([])
    expect(plan.files.map((file) => file.path).sort()).toEqual(['/news/rss.xml', '/sitemap.xml'])
    expect(plan.search.previous.map((document) => document.title)).toEqual(['新闻 3'])
    expect(plan.search.next.map((document) => document.title)).toEqual(['新标题'])
  })

  it('removes an unpublished article’s page and a tag page left empty', () => {
    const content = tinySiteContent()
    // News 3 is the only one tagged `a/b` and one of two tagged 志愿.
    const { render, remove } = planOf([
      { collection: 'news', id: '1', entry: null },
      { collection: 'news', id: '3', entry: null },
    ])
    const after = {
      ...content,
      news: content.news.filter((item) => item.id !== '1' && item.id !== '3'),
    }
    expect({ render, remove }).toEqual(expectedChanges(content, after))
    expect(remove).toEqual([
      '/news/news-1/',
      '/news/news-3/',
      `/news/tag/${encodeURIComponent('志愿')}/`,
      '/news/tag/ab~2auxrkucn66/',
    ])
  })

  it('adds a new article’s page and the tag page it opens', () => {
    const content = tinySiteContent()
    const entry = newsEntry('9', { publishedAt: '2026-06-01T00:00:00.000Z', tags: ['新标签'] })
    const { render, remove } = planOf([{ collection: 'news', id: '9', entry }])
    expect({ render, remove }).toEqual(
      expectedChanges(content, { ...content, news: [...content.news, entry] }),
    )
    expect(render).toContain('/news/news-9/')
    expect(render).toContain(`/news/tag/${encodeURIComponent('新标签')}/`)
  })

  it('re-renders the lectures of a renamed speaker, not the others', () => {
    const content = tinySiteContent()
    const entry = { ...content.speakers[0], name: '张三丰' }
    const { render, remove, plan } = planOf([{ collection: 'speakers', id: entry.id, entry }])
    const after = { ...content, speakers: [entry, content.speakers[1]] }
    expect({ render, remove }).toEqual(expectedChanges(content, after))
    expect(render).toContain('/lectures/lecture-1/')
    expect(render).not.toContain('/lectures/lecture-2/')
    expect(render.filter((path) => path.startsWith('/news/'))).toEqual([])
    // Lectures show their speaker's name in search results.
    expect(plan.search.next.map((document) => document.id)).toEqual(['1'])
  })

  it('moves an exhibit between sections: both neighbours and the walk change', () => {
    const content = tinySiteContent()
    const moved = {
      ...content.exhibits.find((exhibit) => exhibit.id === '11')!,
      sectionId: 's2',
      order: 9,
    }
    const { render, remove } = planOf([{ collection: 'exhibits', id: '11', entry: moved }])
    const after = {
      ...content,
      exhibits: content.exhibits.map((exhibit) => (exhibit.id === '11' ? moved : exhibit)),
    }
    expect({ render, remove }).toEqual(expectedChanges(content, after))
    // Walk 11, 10 | 12 becomes 10 | 12, 11; the exhibitions list shows counts only (unchanged).
    expect(render).toEqual([
      '/exhibitions/bai-nian/',
      '/exhibitions/bai-nian/exhibit-10/',
      '/exhibitions/bai-nian/exhibit-11/',
      '/exhibitions/bai-nian/exhibit-12/',
    ])
  })

  it('leaves the live state alone until commit, then plans from the new state', () => {
    const content = tinySiteContent()
    const entry = { ...content.books[0], title: '新书名' }
    const { state, plan } = planOf([{ collection: 'books', id: entry.id, entry }])
    expect(state.content.books[0].title).toBe('图书 1')
    state.commit(plan)
    expect(state.content.books.find((book) => book.id === entry.id)?.title).toBe('新书名')
    // The same change again is no change.
    expect(state.plan([{ collection: 'books', id: entry.id, entry: { ...entry } }]).render).toEqual(
      [],
    )
    // And a second edit is planned against the committed version.
    const again = state.plan([
      { collection: 'books', id: entry.id, entry: { ...entry, title: '第三版' } },
    ])
    expect(again.render.map((route) => route.path).sort()).toEqual([
      '/library/book-1/',
      '/library/class/D/',
      '/library/location/reading-room/',
    ])
  })
})

describe('SiteState.plan: per-lecture files (chapters, captions, transcript)', () => {
  const recording = { file: 'a.mp3', alt: '', mimeType: 'audio/mpeg', filesize: 10, duration: 600 }
  const withFiles = () => {
    const content = tinySiteContent()
    content.lectures[0] = {
      ...content.lectures[0],
      recording,
      chapters: [{ start: '00:00', seconds: 0, title: '开场' }],
      captions: [{ start: 1, end: 2, text: '大家好' }],
    }
    return content
  }
  const files = (plan: ReturnType<SiteState['plan']>) =>
    plan.familyFiles.map(({ route }) => route.path).sort()

  it('writes a lecture’s files when it changes, and only that lecture’s', () => {
    const state = SiteState.from(withFiles())
    const [lecture, other] = state.content.lectures
    const slug = lecture.slug
    const edited = { ...lecture, captions: [{ start: 1, end: 3, text: '大家好！' }] }
    const plan = state.plan([
      { collection: 'lectures', id: lecture.id, entry: edited },
      { collection: 'lectures', id: other.id, entry: other },
    ])
    expect(files(plan)).toEqual(
      ['captions.vtt', 'chapters.json', 'chapters.vtt', 'transcript.json', 'transcript.vtt'].map(
        (name) => `/lectures/${slug}/${name}`,
      ),
    )
    const written = plan.familyFiles.find(({ route }) => route.path.endsWith('captions.vtt'))!
    expect(written.family.render(written.route.props, undefined)).toContain('大家好！')
    expect(plan.removeFiles).toEqual([])
    // Once committed, the same version plans nothing.
    state.commit(plan)
    expect(
      state.plan([{ collection: 'lectures', id: lecture.id, entry: edited }]).familyFiles,
    ).toEqual([])
  })

  it('removes the files of an unpublished lecture, and those a change leaves empty', () => {
    const state = SiteState.from(withFiles())
    const lecture = state.content.lectures[0]
    const slug = lecture.slug
    const withoutCaptions = state.plan([
      { collection: 'lectures', id: lecture.id, entry: { ...lecture, captions: [] } },
    ])
    expect(withoutCaptions.removeFiles.sort()).toEqual(
      ['captions.vtt', 'transcript.json', 'transcript.vtt'].map(
        (name) => `/lectures/${slug}/${name}`,
      ),
    )
    const gone = state.plan([{ collection: 'lectures', id: lecture.id, entry: null }])
    expect(gone.removeFiles).toHaveLength(5)
    expect(gone.files.map((file) => file.path)).toEqual(
      expect.arrayContaining(['/lectures/podcast.xml', '/lectures/series/red-collar/podcast.xml']),
    )
  })
})

describe('SiteState.plan over a sequence of random news changes', () => {
  it('renders and removes exactly what a full build says, change after change', () => {
    // Enough items for period pages and related windows; lists and routes an update leaves
    // unchanged are reused, so a mistake in that reuse shows here.
    let seed = 20261203
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
    const tags = ['党史', '志愿', '讲堂', '书房', '服务站', '青年']
    const categories = ['party-building', 'volunteer', 'business-services'] as const
    const dateOf = () =>
      new Date(Date.UTC(2024, Math.floor(next() * 30), 1 + Math.floor(next() * 27))).toISOString()
    const article = (id: string) =>
      newsEntry(id, {
        publishedAt: dateOf(),
        category: pick(categories),
        tags: tags.filter(() => next() < 0.35),
      })
    let content: SiteContent = {
      ...tinySiteContent(),
      news: Array.from({ length: 120 }, (_, i) => article(String(100 + i))),
    }
    const state = SiteState.from(content)
    let added = 0
    for (let step = 0; step < 40; step++) {
      const target = pick(content.news)
      const kind = pick(['title', 'date', 'tags', 'add', 'remove', 'category'] as const)
      let change: EntryChange
      if (kind === 'add')
        change = { collection: 'news', id: `n${added}`, entry: article(`n${added++}`) }
      else if (kind === 'remove') change = { collection: 'news', id: target.id, entry: null }
      else
        change = {
          collection: 'news',
          id: target.id,
          entry: {
            ...target,
            ...(kind === 'title' && { title: `${target.title}·${step}` }),
            ...(kind === 'date' && { publishedAt: dateOf() }),
            ...(kind === 'tags' && { tags: tags.filter(() => next() < 0.35) }),
            ...(kind === 'category' && { category: pick(categories) }),
          },
        }
      const after: SiteContent = {
        ...content,
        news: change.entry
          ? content.news.some((item) => item.id === change.id)
            ? (content.news.map((item) =>
                item.id === change.id ? change.entry! : item,
              ) as typeof content.news)
            : [...content.news, change.entry as (typeof content.news)[number]]
          : content.news.filter((item) => item.id !== change.id),
      }
      const plan = state.plan([change])
      expect(
        {
          render: plan.render.map((route) => route.path).sort(),
          remove: [...plan.remove].sort(),
        },
        `step ${step}: ${kind} ${change.id}`,
      ).toEqual(expectedChanges(content, after))
      state.commit(plan)
      content = after
    }
  })
})
