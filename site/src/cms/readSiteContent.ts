import fs from 'node:fs'
import path from 'node:path'
import { siteContentVersion, type SiteContent } from '../../../shared/siteContent'

/** Where the export comes from: `CMS_URL` (a running CMS) or a file written by `npm run export`. */
export function siteContentSource(): { kind: 'url'; url: string } | { kind: 'file'; file: string } {
  const cmsUrl = process.env.CMS_URL
  if (cmsUrl) return { kind: 'url', url: new URL('/api/site-content', cmsUrl).toString() }
  return {
    kind: 'file',
    file: path.resolve(process.cwd(), process.env.SITE_CONTENT_FILE || 'data/site-content.json'),
  }
}

let cached: Promise<SiteContent> | undefined

/** The published-content export, read once per build. Fails loudly with what to do. */
export function readSiteContent(): Promise<SiteContent> {
  cached ??= (async () => {
    const source = siteContentSource()
    let content: SiteContent
    if (source.kind === 'url') {
      // The CMS gives its export only to the site build (SITE_BUILD_TOKEN) and to staff.
      const token = process.env.SITE_BUILD_TOKEN?.trim()
      const response = await fetch(source.url, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      })
      if (!response.ok) {
        const hint =
          response.status === 401 || response.status === 403
            ? '：请设置与 CMS 相同的 SITE_BUILD_TOKEN'
            : ''
        throw new Error(`无法从 CMS 获取内容：${source.url} 返回 ${response.status}${hint}`)
      }
      content = (await response.json()) as SiteContent
    } else {
      if (!fs.existsSync(source.file)) {
        throw new Error(
          `找不到内容导出文件 ${source.file}：请先运行 npm run export，或设置 CMS_URL。`,
        )
      }
      content = JSON.parse(fs.readFileSync(source.file, 'utf8')) as SiteContent
    }
    // Exports written before redirects and share images existed.
    content.redirects ??= []
    content.site.shareImage ??= null
    if (content.version !== siteContentVersion) {
      throw new Error(
        `内容导出版本 ${content.version} 与网站期望的 ${siteContentVersion} 不一致：请重新导出。`,
      )
    }
    return content
  })()
  return cached
}
