import type { ImageRef, SiteSettings } from '../../../shared/siteContent'
import { mediaUrl, shareImage } from '../../../shared/responsiveImage'

/** A path or media URL made absolute against the configured site. */
export const absoluteUrl = (path: string, site: URL | string | undefined) =>
  new URL(path, site ?? 'http://localhost:4321').href

export interface OpenGraphImage {
  url: string
  width: number
  height: number
  alt: string
  mimeType: string
}

/** WeChat and most share cards ignore smaller images. */
export const minShareImagePixels = 300

/**
 * The site's generated share image (site/integrations/shareCard.ts writes it into every build),
 * for pages without an image of their own when the `site` global sets none.
 */
export const defaultShareImage = {
  path: '/share-card.png',
  width: 1200,
  height: 630,
  mimeType: 'image/png',
} as const

/** The 1200×630 `og` rendition as an absolute URL (never the uploaded original). */
export function openGraphImage(
  image: ImageRef | null | undefined,
  site: URL | undefined,
): OpenGraphImage | undefined {
  const rendition = image ? shareImage(image) : null
  if (!image || !rendition) return undefined
  if (rendition.width < minShareImagePixels || rendition.height < minShareImagePixels)
    return undefined
  return {
    url: absoluteUrl(mediaUrl(rendition.file), site),
    width: rendition.width,
    height: rendition.height,
    alt: image.alt,
    mimeType: rendition.mimeType,
  }
}

/**
 * The image a page is shared with: its own, else the site's share image (`site` global), else the
 * generated default. Every page has one.
 */
export function pageShareImage(
  image: ImageRef | null | undefined,
  settings: Pick<SiteSettings, 'siteName' | 'shareImage'>,
  site: URL | undefined,
): OpenGraphImage {
  return (
    openGraphImage(image, site) ??
    openGraphImage(settings.shareImage, site) ?? {
      url: absoluteUrl(defaultShareImage.path, site),
      width: defaultShareImage.width,
      height: defaultShareImage.height,
      alt: settings.siteName,
      mimeType: defaultShareImage.mimeType,
    }
  )
}

/** The organisation behind the site, as schema.org publisher/organizer. */
export const organization = (name: string, site: URL | undefined) => ({
  '@type': 'Organization',
  name,
  url: absoluteUrl('/', site),
})
