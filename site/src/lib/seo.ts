import type { ImageRef } from '../../../shared/siteContent'
import { mediaUrl, shareImage } from '../../../shared/responsiveImage'

/** A path or media URL made absolute against the configured site. */
export const absoluteUrl = (path: string, site: URL | string | undefined) =>
  new URL(path, site ?? 'http://localhost:4321').href

export interface OpenGraphImage {
  url: string
  width: number
  height: number
  alt: string
}

/** The 1200×630 `og` rendition as an absolute URL (never the uploaded original). */
export function openGraphImage(
  image: ImageRef | null | undefined,
  site: URL | undefined,
): OpenGraphImage | undefined {
  const rendition = image ? shareImage(image) : null
  if (!image || !rendition) return undefined
  return {
    url: absoluteUrl(mediaUrl(rendition.file), site),
    width: rendition.width,
    height: rendition.height,
    alt: image.alt,
  }
}

/** The organisation behind the site, as schema.org publisher/organizer. */
export const organization = (name: string, site: URL | undefined) => ({
  '@type': 'Organization',
  name,
  url: absoluteUrl('/', site),
})
