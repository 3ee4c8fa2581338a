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

/**
 * `src`/`srcset` and intrinsic size for an image in a given shape, from the renditions the CMS
 * made. Candidates share one aspect ratio, so the browser may pick any of them.
 */
export function imageSources(image: ImageRef, shape: ImageShape): ImageSources {
  const renditions = candidates[shape]
    .map((name) => image.sizes[name])
    .filter((rendition): rendition is ImageRendition => Boolean(rendition?.file && rendition.width))
  if (shape === 'hero' && !renditions.some((r) => r.width === image.width)) {
    // Small originals have no hero renditions (no enlargement): the original is the candidate.
    renditions.push(image)
  }
  const unique = [...new Map(renditions.map((r) => [r.width, r])).values()].sort((a, b) => a.width - b.width)
  const smallest = unique[0] ?? image
  return {
    src: mediaUrl(smallest.file),
    srcset: unique.map((r) => `${mediaUrl(r.file)} ${r.width}w`).join(', '),
    width: smallest.width,
    height: smallest.height,
  }
}
