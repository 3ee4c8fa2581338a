/**
 * Draft preview: `/__preview/<collection>/<id>/?expires=…&signature=…` (signed by the CMS for staff,
 * see shared/previewLink.ts) renders the document's latest draft with the live release's warm
 * renderer, as the public page will look once published. Never cached, never indexed; a page
 * without a valid signature is a plain 404, so the public cannot tell a draft exists. A draft's
 * images come from the CMS's media folder at /__preview/media/ (unsigned: the CMS serves every
 * upload to anyone anyway, at /api/media/file/).
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream'
import type { Payload } from 'payload'
import { exportSiteEntry } from '../cms/export/exportSiteContent'
import { verifyPreview } from '../shared/previewLink'
import { isMediaFileName } from '../site/integrations/copyUsedMedia'
import { contentTypeOf } from '../site/server/staticServer'
import { buildContentIndex } from '../site/src/cms/buildContentIndex'
import { routeFor, type ViewName } from '../site/src/routes/pageRoutes'
import type { Publisher } from './publisher'
import type { ContentCollection } from './siteState'

/** The page family that shows one document of each previewable collection. */
const previewable: Partial<Record<ContentCollection, ViewName>> = {
  news: 'newsArticle',
  exhibitions: 'exhibition',
  exhibits: 'exhibit',
  lectures: 'lecture',
}

const privateHeaders = {
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

/** Renders the preview of one draft, or null when the document is not previewable as a page. */
export async function renderPreview(publisher: Publisher, payload: Payload, collection: ContentCollection, id: string): Promise<string | null> {
  const view = previewable[collection]
  if (!view) return null
  const draft = await exportSiteEntry(payload, collection, id, { draft: true })
  if (!draft) return null
  const live = publisher.state.content
  const list = (live[collection] as { id: string }[]).filter((entry) => entry.id !== id)
  const index = buildContentIndex({ ...live, [collection]: [...list, draft] }, { lists: live, index: publisher.state.index })
  const route = routeFor(index, view, id)
  if (!route) return null
  const html = await publisher.renderer.renderPage(route, live.site)
  return html
    .replace('<head>', '<head><meta name="robots" content="noindex, nofollow">')
    .replace(/<body([^>]*)>/, `<body$1>${banner}`)
    .replace(/(["'\s,(])\/media\//g, '$1/__preview/media/')
}

/** The handler for `/__preview/…` requests (the static server forwards them here). */
export function createPreviewHandler(publisher: Publisher, payload: Payload, secret: string, mediaDir: string): http.RequestListener {
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://preview.invalid')
      // Drafts may use images no published page uses yet: served from the CMS's media folder.
      const media = /^\/__preview\/media\/([^/]+)$/.exec(url.pathname)
      if (media) {
        const name = decodeURIComponent(media[1])
        const file = path.join(mediaDir, name)
        if (!isMediaFileName(name) || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return notFound(res)
        res.writeHead(200, { 'Content-Type': contentTypeOf(name), ...privateHeaders })
        pipeline(fs.createReadStream(file), res, () => {})
        return
      }
      const match = /^\/__preview\/([a-z-]+)\/([^/]+)\/$/.exec(url.pathname)
      if (!match) return notFound(res)
      const [collection, id] = [match[1], decodeURIComponent(match[2])]
      const signed = verifyPreview({ collection, id, expires: url.searchParams.get('expires'), signature: url.searchParams.get('signature') }, secret)
      if (!signed) return notFound(res)
      const html = await renderPreview(publisher, payload, collection as ContentCollection, id)
      if (!html) return notFound(res, '这份草稿还不能预览：它所属的展览尚未发布，或内容类型没有独立页面。')
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...privateHeaders })
      res.end(html)
    })().catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', ...privateHeaders })
      res.end(`预览失败：${error.message}`)
    })
  }
}
