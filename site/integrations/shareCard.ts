import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import sharp from 'sharp'
import { defaultShareImage } from '../src/lib/seo'

/**
 * The brand mark of favicon.svg (a mountain under a flag, on a gold line) on the site's red, at
 * share-card size. No text: the card's title comes from the page, and the build machine may have
 * no CJK font to draw it with.
 */
function shareCardSvg(width: number, height: number): string {
  const scale = 14
  const x = (width - 22 * scale) / 2 - 5 * scale
  const y = (height - 17 * scale) / 2 - 11 * scale
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs><linearGradient id="red" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#c62828"/><stop offset="1" stop-color="#8e1515"/></linearGradient></defs>
  <rect width="${width}" height="${height}" fill="url(#red)"/>
  <g transform="translate(${x} ${y}) scale(${scale})"><path d="M5 24 13 11l5 7 3-4 6 10z" fill="#fff"/><rect x="5" y="26" width="22" height="2" fill="#c9a227"/></g>
  <rect y="${height - 24}" width="${width}" height="24" fill="#c9a227"/>
</svg>`
}

/**
 * Writes the default share image (`/share-card.png`, 1200×630) into every build: pages with no
 * image of their own use it when the `site` global has no share image (lib/seo.ts). Made with
 * sharp at build time, so no binary is committed.
 */
export function shareCard(): AstroIntegration {
  return {
    name: 'hongse:share-card',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const { width, height } = defaultShareImage
        const png = await sharp(Buffer.from(shareCardSvg(width, height)))
          .png({ compressionLevel: 9, palette: true })
          .toBuffer()
        fs.writeFileSync(path.join(fileURLToPath(dir), defaultShareImage.path), png)
      },
    },
  }
}
