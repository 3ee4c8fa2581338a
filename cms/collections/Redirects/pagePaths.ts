/**
 * Which public page a document has, and which path is a page, read from the database inside the
 * caller's transaction (pass its `req`). The paths come from the site's own URL functions
 * (site/src/lib/urls.ts), so they are the paths the public site serves.
 */
import type { CollectionSlug, PayloadRequest, Where } from 'payload'
import { canonicalSitePath } from '../../../shared/redirects/sitePaths'
import { publicCollections, type PublicCollection } from '../../../shared/siteContent'
import * as urls from '../../../site/src/lib/urls'

/** The collections whose documents have a page of their own (every exported one). */
export const pageCollections: readonly PublicCollection[] = publicCollections

export const isPageCollection = (slug: string): slug is PublicCollection =>
  (pageCollections as readonly string[]).includes(slug)

type StoredDoc = { id: number | string; slug?: string | null; _status?: string | null } & Record<
  string,
  unknown
>

const hasDrafts = (req: PayloadRequest, collection: string) =>
  Boolean(req.payload.collections[collection as CollectionSlug]?.config.versions?.drafts)

/** The live (stored) document, which is what visitors see: a draft save only writes a version. */
async function liveDoc(
  req: PayloadRequest,
  collection: string,
  id: number | string,
): Promise<StoredDoc | null> {
  return (await req.payload.db.findOne({
    collection: collection as CollectionSlug,
    where: { id: { equals: id } },
    req,
  })) as StoredDoc | null
}

const isLive = (req: PayloadRequest, collection: string, doc: StoredDoc) =>
  !hasDrafts(req, collection) || doc._status === 'published'

const slugOf = (doc: StoredDoc) => doc.slug || String(doc.id)
const relationId = (value: unknown) =>
  value && typeof value === 'object' ? (value as { id: number | string }).id : value

/**
 * The canonical path of the page `doc` has when it is live (an exhibit's also needs its
 * exhibition live), or null. `doc` as stored: pass the live document, or a published save's result.
 */
export async function pagePathOf(
  req: PayloadRequest,
  collection: PublicCollection,
  doc: StoredDoc | null,
): Promise<string | null> {
  if (!doc || !isLive(req, collection, doc)) return null
  const slug = slugOf(doc)
  let path: string
  switch (collection) {
    case 'news':
      path = urls.newsUrl(slug)
      break
    case 'exhibitions':
      path = urls.exhibitionUrl(slug)
      break
    case 'exhibits': {
      const exhibitionId = relationId(doc.exhibition)
      const exhibition =
        exhibitionId == null
          ? null
          : await liveDoc(req, 'exhibitions', exhibitionId as number | string)
      if (!exhibition || !isLive(req, 'exhibitions', exhibition)) return null
      path = urls.exhibitUrl(slugOf(exhibition), slug)
      break
    }
    case 'lectures':
      path = urls.lectureUrl(slug)
      break
    case 'speakers':
      path = urls.speakerUrl(slug)
      break
    case 'books':
      path = urls.bookUrl(slug)
      break
  }
  return canonicalSitePath(path)
}

/** The page path the live version of a document has now, or null (not published, deleted). */
export async function livePagePath(
  req: PayloadRequest,
  collection: PublicCollection,
  id: number | string,
): Promise<string | null> {
  return pagePathOf(req, collection, await liveDoc(req, collection, id))
}

/** The published exhibits of an exhibition, as stored. */
export async function liveExhibitsOf(
  req: PayloadRequest,
  exhibitionId: number | string,
): Promise<StoredDoc[]> {
  const { docs } = await req.payload.db.find({
    collection: 'exhibits',
    where: {
      and: [{ exhibition: { equals: exhibitionId } }, { _status: { equals: 'published' } }],
    },
    pagination: false,
    limit: 0,
    req,
  })
  return docs as StoredDoc[]
}

/** Pages that are always there, and sections of the site's folder that are not pages. */
const fixedPages = new Set([
  urls.homeUrl,
  urls.aboutUrl,
  '/search/',
  urls.newsListUrl,
  urls.exhibitionsUrl,
  urls.lecturesUrl,
  urls.lecturesOldestUrl,
  urls.speakersUrl,
  urls.libraryUrl,
])
const reservedPrefixes = [
  '/_astro/',
  '/media/',
  '/search/',
  '/__preview/',
  '/render/',
  '/sitemaps/',
]
const reservedFiles = new Set([
  '/sitemap.xml',
  '/robots.txt',
  '/404.html',
  '/favicon.svg',
  '/share-card.png',
  '/_redirects',
  '/_redirects.map',
  urls.newsFeedUrl,
  urls.lecturesFeedUrl,
])

/** List pages under a section (`/news/page/2/`, `/library/class/D/`): never a document's slug. */
const listSegments: Record<string, string[]> = {
  news: ['page', 'category', 'tag'],
  lectures: ['oldest', 'series', 'year', 'page'],
  library: ['class', 'location', 'page'],
}
const documentSections: Record<string, PublicCollection> = {
  news: 'news',
  exhibitions: 'exhibitions',
  lectures: 'lectures',
  speakers: 'speakers',
  library: 'books',
}

async function hasLiveSlug(
  req: PayloadRequest,
  collection: PublicCollection,
  slug: string,
  extra: Where[] = [],
): Promise<boolean> {
  const { totalDocs } = await req.payload.db.count({
    collection,
    where: {
      and: [
        { slug: { equals: slug } },
        ...(hasDrafts(req, collection) ? [{ _status: { equals: 'published' } }] : []),
        ...extra,
      ],
    },
    req,
  })
  return totalDocs > 0
}

/**
 * Why a redirect cannot start at `path` (canonical): a page of the site that is always there, a
 * system file, or the page of a published document; null when it can. List pages that come and
 * go (`/news/page/9/`, a tag) are not refused: the page wins while it exists (resolveRedirects).
 */
export async function whyNotASource(req: PayloadRequest, path: string): Promise<string | null> {
  if (fixedPages.has(path)) return `${path} 是网站的固定页面，不能设为跳转来源。`
  if (reservedFiles.has(path) || reservedPrefixes.some((prefix) => path.startsWith(prefix)))
    return `${path} 属于网站的系统文件，不能设为跳转来源。`
  const segments = path.split('/').filter(Boolean)
  const live = `${path} 是正在发布的页面，不能设为跳转来源（页面优先）。如要让它跳转，请先撤销发布或修改该内容的网址别名。`
  const [section, slug, exhibit] = segments
  const collection = documentSections[section]
  if (!collection || !slug || listSegments[section]?.includes(slug)) return null
  if (segments.length === 2 && (await hasLiveSlug(req, collection, slug))) return live
  if (section === 'exhibitions' && segments.length === 3) {
    const { docs } = await req.payload.db.find({
      collection: 'exhibitions',
      where: { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] },
      limit: 1,
      req,
    })
    if (
      docs[0] &&
      (await hasLiveSlug(req, 'exhibits', exhibit, [{ exhibition: { equals: docs[0].id } }]))
    )
      return live
  }
  return null
}
