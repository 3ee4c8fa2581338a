import type { ImageRef, ImageRendition } from './siteContent'

/** Where the site serves uploaded files. */
export const mediaBasePath = '/media/'

export function mediaUrl(file: string): string {
  return mediaBasePath + encodeURIComponent(file)
}

/** How an image is shown: a 16:10 card crop, or the whole picture (hero, article figure). */
export type ImageShape = 'card' | 'hero'

export interface ImageSources {
  src: string
  srcset: string
  width: number
  height: number
}

const candidates: Record<ImageShape, Array<keyof ImageRef['sizes']>> = {
  card: ['card', 'cardLarge'],
  hero: ['heroSmall', 'hero'],
}
/** When a shape has no rendition, the nearest other (same picture, other crop). */
const fallbacks: Array<keyof ImageRef['sizes']> = [
  'heroSmall',
  'hero',
  'card',
  'cardLarge',
  'thumbnail',
  'og',
]

/** A rendition the CMS made with sharp (WebP): the only files a page may show as an image. */
const isRendition = (rendition: ImageRendition | undefined): rendition is ImageRendition =>
  Boolean(rendition?.file && rendition.width && rendition.mimeType?.startsWith('image/'))

/** True when the image has at least one rendition to show (an image without any is not shown). */
export function hasRenditions(image: ImageRef): boolean {
  return fallbacks.some((name) => isRendition(image.sizes[name]))
}

/**
 * `src`/`srcset` and intrinsic size for an image in a given shape, from the renditions the CMS
 * made. Candidates share one aspect ratio, so the browser may pick any of them. The uploaded
 * original is never a candidate: only files sharp wrote reach a page (the original of a picture
 * wider than 1600 px once did, and with it whatever the upload carried).
 */
export function imageSources(image: ImageRef, shape: ImageShape): ImageSources {
  let renditions = candidates[shape].map((name) => image.sizes[name]).filter(isRendition)
  if (renditions.length === 0)
    renditions = fallbacks
      .map((name) => image.sizes[name])
      .filter(isRendition)
      .slice(0, 1)
  if (renditions.length === 0) throw new Error(`图片 ${image.file} 没有可用的缩放版本`)
  const unique = [...new Map(renditions.map((r) => [r.width, r])).values()].sort(
    (a, b) => a.width - b.width,
  )
  const smallest = unique[0]
  return {
    src: mediaUrl(smallest.file),
    srcset: unique.map((r) => `${mediaUrl(r.file)} ${r.width}w`).join(', '),
    width: smallest.width,
    height: smallest.height,
  }
}

/** The rendition for share cards: `og` (1200×630), else the largest natural-shape one. */
export function shareImage(image: ImageRef): ImageRendition | null {
  return (
    [image.sizes.og, image.sizes.hero, image.sizes.heroSmall, image.sizes.cardLarge].find(
      isRendition,
    ) ?? null
  )
}
