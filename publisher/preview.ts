/**
 * Draft preview: `/__preview/<collection>/<id>/?expires=…&signature=…` (signed by the CMS for staff,
 * see shared/previewLink.ts) renders the document's latest draft with the live release's warm
 * renderer, as the public page will look once published. Never cached, never indexed; a page
 * without a valid signature is a plain 404, so the public cannot tell a draft exists. A draft's
 * images come from the CMS's media folder at /__preview/media/<file>, each URL signed for its file
 * when the page is rendered (valid as long as the page link), and sent only as an allow-listed
 * media type (shared/siteFiles/contentTypes.ts), never as a page.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream'
import type { Payload } from 'payload'
import { exportSiteEntry } from '../cms/export/exportSiteContent'
import { signPreviewMediaQuery, verifyPreview, verifyPreviewMedia } from '../shared/previewLink'
import { mediaResponseHeaders } from '../shared/siteFiles/contentTypes'
import { isPublishableMediaName } from '../shared/siteFiles/mediaNames'
import type { PublicCollection } from '../shared/siteContent'
import { siteSecurityHeaders } from '../site/server/securityHeaders'
import { buildContentIndex } from '../site/src/cms/buildContentIndex'
import { routeFor, type ViewName } from '../site/src/routes/pageRoutes'
import type { Publisher } from './publisher'

/** The page family that shows one document of each previewable collection. */
const previewable: Partial<Record<PublicCollection, ViewName>> = {
  news: 'newsArticle',
  exhibitions: 'exhibition',
  exhibits: 'exhibit',
  lectures: 'lecture',
}

const privateHeaders = {
  ...siteSecurityHeaders,
  'Cache-Control': 'no-store, private',
  'X-Robots-Tag': 'noindex, nofollow, noarchive',
  'Referrer-Policy': 'no-referrer',
}

const banner =
  '<div role="status" style="position:sticky;top:0;z-index:100;background:#7a1c1c;color:#fff;padding:.5rem 1rem;font:600 .9rem/1.4 system-ui,sans-serif;text-align:center">预览：这是尚未发布的草稿，仅持有预览链接的编辑可见</div>'

function notFound(res: http.ServerResponse, message = '页面未找到'): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...privateHeaders })
  res.end(message)
}

/** `/media/<file>` → `/__preview/media/<file>?expires=…&signature=…` (HTML-escaped `&`), for every media URL in the page. */
export function signMediaUrls(html: string, secret: string, expires: number): string {
  return html.replace(
    /(["'\s,(])\/media\/([^"'\s<>)?#,&]+)/g,
    (whole, before: string, encoded: string) => {
      let file: string
      try {
        file = decodeURIComponent(encoded)
      } catch {
        return whole
      }
      return `${before}/__preview/media/${encoded}?${signPreviewMediaQuery(file, expires, secret).replace('&', '&amp;')}`
    },
  )
}

/**
 * Renders the preview of one draft, or null when the document is not previewable as a page. Its
 * media URLs are signed with `secret` until `expires` (Unix seconds; the page link's expiry).
 */
export async function renderPreview(
  publisher: Publisher,
  payload: Payload,
  collection: PublicCollection,
  id: string,
  media: { secret: string; expires: number },
): Promise<string | null> {
  const view = previewable[collection]
  if (!view) return null
  const draft = await exportSiteEntry(payload, collection, id, { draft: true })
  if (!draft) return null
  const live = publisher.state.content
  const list = (live[collection] as { id: string }[]).filter((entry) => entry.id !== id)
  const index = buildContentIndex(
    { ...live, [collection]: [...list, draft] },
    { lists: live, index: publisher.state.index },
  )
  const route = routeFor(index, view, id)
  if (!route) return null
  const html = await publisher.renderer.renderPage(route, live.site)
  const page = html
    .replace('<head>', '<head><meta name="robots" content="noindex, nofollow">')
    .replace(/<body([^>]*)>/, `<body$1>${banner}`)
  return signMediaUrls(page, media.secret, media.expires)
}

/** The handler for `/__preview/…` requests (the static server forwards them here). */
export function createPreviewHandler(
  publisher: Publisher,
  payload: Payload,
  secret: string,
  mediaDir: string,
): http.RequestListener {
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://preview.invalid')
      // Drafts may use images no published page uses yet: served from the CMS's media folder.
      const media = /^\/__preview\/media\/([^/]+)$/.exec(url.pathname)
      if (media) {
        let name: string
        try {
          name = decodeURIComponent(media[1])
        } catch {
          return notFound(res)
        }
        const signed = verifyPreviewMedia(
          name,
          url.searchParams.get('expires'),
          url.searchParams.get('signature'),
          secret,
        )
        if (!signed || !isPublishableMediaName(name)) return notFound(res)
        const file = path.join(mediaDir, name)
        if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return notFound(res)
        res.writeHead(200, { ...privateHeaders, ...mediaResponseHeaders(name) })
        pipeline(fs.createReadStream(file), res, () => {})
        return
      }
      const match = /^\/__preview\/([a-z-]+)\/([^/]+)\/$/.exec(url.pathname)
      if (!match) return notFound(res)
      let id: string
      try {
        id = decodeURIComponent(match[2])
      } catch {
        return notFound(res)
      }
      const collection = match[1]
      const expires = url.searchParams.get('expires')
      const signed = verifyPreview(
        { collection, id, expires, signature: url.searchParams.get('signature') },
        secret,
      )
      if (!signed) return notFound(res)
      const html = await renderPreview(publisher, payload, collection as PublicCollection, id, {
        secret,
        expires: Number(expires),
      })
      if (!html)
        return notFound(res, '这份草稿还不能预览：它所属的展览尚未发布，或内容类型没有独立页面。')
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...privateHeaders })
      res.end(html)
    })().catch((error: Error) => {
      if (!res.headersSent)
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', ...privateHeaders })
      res.end(`预览失败：${error.message}`)
    })
  }
}
