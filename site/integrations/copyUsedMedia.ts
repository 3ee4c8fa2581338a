import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { collectMediaReferences, isPublishableMediaName } from '../../shared/siteFiles/mediaNames'
import { knownPageMedia, type KnownPageMedia } from './pageMedia'

/** The media-name rules live in shared/siteFiles/mediaNames.ts (the publisher uses them too). */

const scanned = /\.(html|xml|json|txt)$/

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else yield full
  }
}

/**
 * Every media file name the built pages, feeds and sitemap refer to: those of `known` files as
 * recorded when they were written, the others read.
 */
export function findUsedMedia(outDir: string, known?: KnownPageMedia): Set<string> {
  const used = new Set<string>(known?.media)
  for (const file of walk(outDir))
    if (scanned.test(file) && !known?.files.has(file))
      collectMediaReferences(fs.readFileSync(file, 'utf8'), used)
  return used
}

/**
 * After the build, copies into `dist/media/` exactly the files and image sizes that published
 * pages use: from `MEDIA_DIR` (the CMS's upload folder) or, with `CMS_URL`, from the CMS over HTTP.
 * The built site then has no run-time dependency on the CMS.
 */
export function copyUsedMedia(): AstroIntegration {
  return {
    name: 'hongse:copy-used-media',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = path.resolve(fileURLToPath(dir))
        const target = path.join(outDir, 'media')
        fs.mkdirSync(target, { recursive: true })
        const used = findUsedMedia(outDir, knownPageMedia(outDir))
        const cmsUrl = process.env.CMS_URL
        const mediaDir = path.resolve(process.cwd(), process.env.MEDIA_DIR || 'media')
        let bytes = 0
        const missing: string[] = []
        // Only allow-listed media types are published (an old upload named `x.html` stays in the CMS).
        const refused = [...used].filter((name) => !isPublishableMediaName(name))
        for (const name of refused) used.delete(name)
        if (refused.length)
          logger.warn(
            `不发布 ${refused.length} 个非图片/音视频/PDF 的媒体文件，例如 ${refused.slice(0, 3).join('、')}`,
          )
        for (const name of used) {
          const destination = path.join(target, name)
          if (cmsUrl) {
            const response = await fetch(
              new URL(`/api/media/file/${encodeURIComponent(name)}`, cmsUrl),
            )
            if (!response.ok) {
              missing.push(name)
              continue
            }
            const data = Buffer.from(await response.arrayBuffer())
            fs.writeFileSync(destination, data)
            bytes += data.length
          } else {
            const source = path.join(mediaDir, name)
            if (!fs.existsSync(source)) {
              missing.push(name)
              continue
            }
            fs.copyFileSync(source, destination)
            bytes += fs.statSync(destination).size
          }
        }
        logger.info(
          `copied ${used.size - missing.length} media files (${(bytes / 1024 / 1024).toFixed(1)} MB) into dist/media`,
        )
        if (missing.length)
          throw new Error(
            `媒体文件缺失（${missing.length} 个），例如 ${missing.slice(0, 3).join('、')}：请检查 MEDIA_DIR 或 CMS_URL。`,
          )
      },
    },
  }
}
