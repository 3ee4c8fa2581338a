/**
 * Redirect paths, chains and files as pure functions: canonical paths from what editors type and
 * browsers send, open-redirect attempts refused, chains collapsed and cycles dropped, the
 * `_redirects` and nginx files written and read back.
 */
import { describe, expect, it } from 'vitest'
import {
  netlifyRedirects,
  nginxRedirectMap,
  parseNetlifyRedirects,
} from '../../shared/redirects/redirectFiles'
import {
  legacyNewsPageNginxLine,
  legacyNewsPageTarget,
} from '../../shared/redirects/legacyNewsPages'
import { resolveRedirects, type RedirectContext } from '../../shared/redirects/resolveRedirects'
import {
  encodeSitePath,
  encodeTarget,
  normaliseSourcePath,
  normaliseTarget,
  requestRedirectKey,
} from '../../shared/redirects/sitePaths'
import type { RedirectEntry } from '../../shared/siteContent'
import { buildContentIndex } from '../../site/src/cms/buildContentIndex'
import { siteRedirectRules } from '../../site/src/redirects/siteRedirects'
import { allPageRoutes } from '../../site/src/routes/pageRoutes'
import { tinySiteContent } from './fixtures/tinySite'

const site = 'https://hongse.example'
const source = (input: string) => normaliseSourcePath(input, site)
const target = (input: string, allowExternal = true) =>
  normaliseTarget(input, { siteOrigin: site, allowExternal })
const value = (checked: { ok: boolean; value?: string }) => (checked.ok ? checked.value : null)

describe('source paths', () => {
  it('are made canonical: one slash, decoded, trailing slash for folders', () => {
    expect(value(source('/news/old'))).toBe('/news/old/')
    expect(value(source('  /news/old/  '))).toBe('/news/old/')
    expect(value(source('/news//old///'))).toBe('/news/old/')
    expect(value(source('/news/%E5%85%9A%E5%8F%B2/'))).toBe('/news/党史/')
    expect(value(source('/news/党史'))).toBe('/news/党史/')
    expect(value(source('/news/rss.xml'))).toBe('/news/rss.xml')
    expect(value(source('/'))).toBe('/')
    // A full URL of the site itself, as pasted from the address bar.
    expect(value(source('https://hongse.example/news/old'))).toBe('/news/old/')
  })

  it('refuse anything that is not a path of this site, with a Chinese reason', () => {
    for (const input of [
      '',
      'news/old',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      'https://evil.example/news/old/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '/news/%2F%2Fevil/',
      '/news/%5Cevil/',
      '/news/../admin/',
      '/news/%2e%2e/admin/',
      '/news/./x/',
      '/news/%E5%85%9/',
      '/news/\u202eevil/',
      '/news/\u0000/',
      '/news/old/?from=x',
      '/news/old/#top',
      `/news/${'长'.repeat(10_000)}/`,
    ]) {
      const checked = source(input)
      expect(checked.ok, input).toBe(false)
      if (!checked.ok) expect(checked.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})

describe('targets', () => {
  it('keep a site path canonical with its query and fragment', () => {
    expect(value(target('/news/new'))).toBe('/news/new/')
    expect(value(target('/search/?q=党史#results'))).toBe('/search/?q=%E5%85%9A%E5%8F%B2#results')
    expect(value(target('https://hongse.example/about/'))).toBe('/about/')
  })

  it('allow other sites only over https, and never scheme-relative or script URLs', () => {
    expect(value(target('https://www.12371.cn/special/'))).toBe('https://www.12371.cn/special/')
    for (const input of [
      '//evil.example/',
      '/\\evil.example/',
      '///evil.example/',
      'http://evil.example/',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'https://user:pass@evil.example/',
      'https://localhost/',
      'ftp://evil.example/',
      `https://evil.example/${'a'.repeat(3000)}`,
    ]) {
      expect(target(input).ok, input).toBe(false)
    }
    expect(target('https://www.12371.cn/', false).ok).toBe(false)
  })

  it('encode for a Location header and the site links the same way', () => {
    expect(encodeSitePath('/news/党史/')).toBe('/news/%E5%85%9A%E5%8F%B2/')
    expect(encodeTarget('/search/?q=%E5%85%9A')).toBe('/search/?q=%E5%85%9A')
    expect(encodeTarget('https://www.12371.cn/')).toBe('https://www.12371.cn/')
  })
})

describe('request keys', () => {
  it('find a redirect however the browser encoded the path', () => {
    expect(requestRedirectKey('/news/%E5%85%9A%E5%8F%B2/')).toBe('/news/党史/')
    expect(requestRedirectKey('/news/%e5%85%9a%e5%8f%b2/')).toBe('/news/党史/')
    expect(requestRedirectKey('/news//old/')).toBe('/news/old/')
    expect(requestRedirectKey('/news/old')).toBe('/news/old')
    expect(requestRedirectKey('/news/%ZZ/')).toBeNull()
    expect(requestRedirectKey('/news/%2F/')).toBeNull()
    expect(requestRedirectKey(`/${'a'.repeat(5000)}/`)).toBeNull()
  })
})

const entry = (from: string, to: RedirectEntry['to'], id = from): RedirectEntry => ({
  id,
  from,
  to,
})

describe('resolveRedirects', () => {
  const pages = new Set(['/news/c/', '/news/d/', '/about/'])
  const documents: Record<string, string> = { 'news:1': '/news/c/', 'news:2': '/news/d/' }
  const context: RedirectContext = {
    pageOf: (collection, id) => documents[`${collection}:${id}`] ?? null,
    isPage: (path) => pages.has(path),
  }

  it('collapses chains: every rule is one hop to where the visitor ends up', () => {
    const rules = resolveRedirects(
      [
        entry('/x/a/', { url: '/x/b/' }),
        entry('/x/b/', { url: '/x/c/' }),
        entry('/x/c/', { collection: 'news', id: '1' }),
      ],
      context,
    )
    expect(rules).toEqual([
      { from: '/x/a/', to: '/news/c/' },
      { from: '/x/b/', to: '/news/c/' },
      { from: '/x/c/', to: '/news/c/' },
    ])
  })

  it('follows a document wherever it is, and leads nowhere while it has no page', () => {
    expect(
      resolveRedirects(
        [
          entry('/news/a/', { collection: 'news', id: '1' }),
          entry('/news/b/', { collection: 'news', id: '1' }),
          entry('/news/gone/', { collection: 'news', id: '9' }),
        ],
        context,
      ),
    ).toEqual([
      { from: '/news/a/', to: '/news/c/' },
      { from: '/news/b/', to: '/news/c/' },
    ])
  })

  it('drops cycles, redirects onto themselves and redirects that would hide a page', () => {
    expect(
      resolveRedirects(
        [
          entry('/p/', { url: '/q/' }),
          entry('/q/', { url: '/r/' }),
          entry('/r/', { url: '/p/' }),
          entry('/self/', { url: '/self/' }),
          entry('/news/d/', { url: '/news/c/' }),
          entry('/about/', { url: '/news/c/' }),
        ],
        context,
      ),
    ).toEqual([])
  })

  it('keeps a target query, stops at a page, and leaves other sites as they are', () => {
    expect(
      resolveRedirects(
        [
          entry('/old-search/', { url: '/search/?q=%E5%85%9A' }),
          entry('/to-page/', { url: '/news/c/' }),
          entry('/news/c/', { url: '/elsewhere/' }),
          entry('/party/', { url: 'https://www.12371.cn/' }),
        ],
        context,
      ),
    ).toEqual([
      { from: '/old-search/', to: '/search/?q=%E5%85%9A' },
      { from: '/party/', to: 'https://www.12371.cn/' },
      { from: '/to-page/', to: '/news/c/' },
    ])
  })
})

describe('redirect files', () => {
  const rules = [
    { from: '/news/old/', to: '/news/new/' },
    { from: '/news/党史/', to: '/news/new/' },
    { from: '/News/Old/', to: '/news/new/' },
    { from: '/a*b/', to: 'https://www.12371.cn/' },
    { from: '/quote"s/', to: '/news/new/' },
    { from: '/bad/', to: '/news/new/$host' },
  ]

  it('write _redirects that read back to the same table', () => {
    const text = netlifyRedirects(rules)
    expect(text).toContain('/news/old/ /news/new/ 301\n')
    expect(text).toContain('/news/%E5%85%9A%E5%8F%B2/ /news/new/ 301')
    expect(text).toContain('/a%2Ab/ https://www.12371.cn/ 301')
    expect(text).not.toContain('$host')
    const table = parseNetlifyRedirects(text)
    expect(table.get('/news/党史/')).toBe('/news/new/')
    expect(table.get('/a*b/')).toBe('https://www.12371.cn/')
    expect(table.get('/quote"s/')).toBe('/news/new/')
    expect(table.size).toBe(5)
  })

  it('write an nginx map: decoded quoted sources, no case duplicates, no variables', () => {
    const text = nginxRedirectMap(rules)
    expect(text).toContain('"/news/old/" "/news/new/";')
    expect(text).toContain('"/news/党史/" "/news/new/";')
    expect(text).not.toContain('/News/Old/')
    expect(text).toContain('"/quote\\"s/" "/news/new/";')
    // Only the fixed pattern line for old numbered news pages names a variable.
    const lines = text.trim().split('\n')
    expect(lines.at(-1)).toBe(legacyNewsPageNginxLine)
    expect(lines.slice(0, -1).join('\n')).not.toContain('$')
  })

  it('ignore lines they did not write', () => {
    const table = parseNetlifyRedirects(
      '# comment\n/a/ //evil.example 301\n/b/ javascript:alert(1) 301\n/c/ /d/ 302\n/e/ /f/ 301 extra\n/g/ /h/ 301\n',
    )
    expect([...table]).toEqual([['/g/', '/h/']])
  })
})

describe('old numbered news pages', () => {
  it('lead to the front page of their list, encoded; nothing else matches', () => {
    expect(legacyNewsPageTarget('/news/page/9/')).toBe('/news/')
    expect(legacyNewsPageTarget('/news/page/9')).toBe('/news/')
    expect(legacyNewsPageTarget('/news/category/volunteer/page/2/')).toBe(
      '/news/category/volunteer/',
    )
    expect(legacyNewsPageTarget('/news/tag/党史/page/3/')).toBe(
      `/news/tag/${encodeURIComponent('党史')}/`,
    )
    for (const other of [
      '/news/',
      '/news/page/',
      '/news/page/0/',
      '/news/page/x/',
      '/news/page/2/extra/',
      '/news/2026/11/',
      '/lectures/page/2/',
      '/library/class/D/page/2/',
      '/news/tag/a/b/page/2/',
      '/news/page/99999999999/',
    ])
      expect(legacyNewsPageTarget(other), other).toBeNull()
  })

  it('are pattern lines in both files, which the exact-line reader skips', () => {
    const netlify = netlifyRedirects([])
    expect(netlify).toContain('/news/tag/:tag/page/* /news/tag/:tag/ 301')
    expect([...parseNetlifyRedirects(netlify)]).toEqual([])
    expect(nginxRedirectMap([])).toContain(legacyNewsPageNginxLine)
  })
})

describe('siteRedirectRules on the tiny site', () => {
  it('leads a document redirect to its page and never hides a page of the route table', () => {
    const content = tinySiteContent()
    const index = buildContentIndex(content)
    const pages = new Set(allPageRoutes(index).map((route) => route.path))
    const news = index.news[0]
    const exhibit = [...index.exhibitionWalks.values()][0].exhibits[0]
    const rules = siteRedirectRules(
      [
        entry('/news/old-slug/', { collection: 'news', id: news.id }),
        entry('/exhibitions/old/x/', { collection: 'exhibits', id: exhibit.id }),
        entry('/news/', { url: '/about/' }),
        entry('/news/deleted/', { collection: 'news', id: 'no-such-id' }),
      ],
      index,
      (path) => pages.has(path),
    )
    expect(rules).toEqual([
      {
        from: '/exhibitions/old/x/',
        to: `/exhibitions/${[...index.exhibitionWalks.values()][0].exhibition.slug}/${exhibit.slug}/`,
      },
      { from: '/news/old-slug/', to: `/news/${news.slug}/` },
    ])
  })
})
