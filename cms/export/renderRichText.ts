import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import {
  convertLexicalToHTML,
  LinkHTMLConverter,
  type HTMLConvertersFunction,
} from '@payloadcms/richtext-lexical/html'
import escapeHtml from 'escape-html'
import { imageSources, mediaUrl } from '../../shared/responsiveImage'
import { toFileRef, toImageRef } from './mediaRefs'

/** Site paths of documents that rich text can link to. */
const sitePaths: Record<string, (slug: string) => string> = {
  news: (slug) => `/news/${slug}/`,
  lectures: (slug) => `/lectures/${slug}/`,
  speakers: (slug) => `/speakers/${slug}/`,
  books: (slug) => `/library/${slug}/`,
}

type LinkDoc = { relationTo?: string; value?: unknown } | null | undefined

function internalDocToHref({ linkNode }: { linkNode: { fields: { doc?: LinkDoc } } }): string {
  const doc = linkNode.fields.doc
  const slug =
    doc?.value && typeof doc.value === 'object' ? (doc.value as { slug?: string }).slug : undefined
  const toPath = doc?.relationTo ? sitePaths[doc.relationTo] : undefined
  return toPath && slug ? toPath(slug) : '#'
}

function renderUpload(value: unknown): string {
  const image = toImageRef(value)
  if (image) {
    const { src, srcset, width, height } = imageSources(image, 'hero')
    const caption = image.caption ? `<figcaption>${escapeHtml(image.caption)}</figcaption>` : ''
    return `<figure><img src="${src}" srcset="${srcset}" sizes="(min-width: 46rem) 42rem, 100vw" width="${width}" height="${height}" alt="${escapeHtml(image.alt)}" loading="lazy" decoding="async">${caption}</figure>`
  }
  const file = toFileRef(value)
  return file
    ? `<p><a href="${mediaUrl(file.file)}">${escapeHtml(file.alt || file.file)}</a></p>`
    : ''
}

/**
 * Lexical's own converters escape text and sanitise link URLs (no `javascript:`). On top: images
 * become responsive figures served from the site's media folder, other uploads plain links,
 * internal links site paths, and any node without a converter renders as nothing.
 */
const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  ...LinkHTMLConverter({ internalDocToHref: internalDocToHref as never }),
  upload: ({ node }) => renderUpload((node as { value?: unknown }).value),
  relationship: () => '',
  unknown: () => '',
})

/** Safe HTML from a Lexical value (populated to depth 1, so uploads carry their media document). */
export function renderRichText(value: unknown): string {
  if (!value || typeof value !== 'object' || !('root' in value)) return ''
  return convertLexicalToHTML({
    data: value as SerializedEditorState,
    converters,
    disableContainer: true,
    disableIndent: true,
    disableTextAlign: true,
  }).trim()
}
