import type {
  FileRef,
  ImageRef,
  ImageRendition,
  ImageSizeName,
  MediaDoc,
  RecordingRef,
} from '../../shared/siteContent'

const sizeNames: ImageSizeName[] = ['thumbnail', 'card', 'cardLarge', 'heroSmall', 'hero', 'og']

function isMediaDoc(value: unknown): value is MediaDoc {
  return Boolean(value && typeof value === 'object' && 'filename' in value)
}

/** A populated image upload as the site needs it; null for none, an unpopulated id, a non-image or one without renditions. */
export function toImageRef(value: unknown): ImageRef | null {
  if (!isMediaDoc(value) || !value.filename || !value.mimeType?.startsWith('image/')) return null
  const sizes: ImageRef['sizes'] = {}
  for (const name of sizeNames) {
    const size = value.sizes?.[name]
    if (size?.filename && size.width && size.height) {
      sizes[name] = {
        file: size.filename,
        width: size.width,
        height: size.height,
        mimeType: size.mimeType ?? 'image/webp',
      } satisfies ImageRendition
    }
  }
  // Only sharp's renditions reach a page; an image without any (an old upload) is left out.
  if (Object.keys(sizes).length === 0) return null
  return {
    file: value.filename,
    width: value.width ?? 0,
    height: value.height ?? 0,
    mimeType: value.mimeType,
    alt: value.alt ?? '',
    caption: value.caption ?? null,
    focalX: value.focalX ?? null,
    focalY: value.focalY ?? null,
    sizes,
  }
}

/** A populated upload of any type (recording, attachment). */
export function toFileRef(value: unknown): FileRef | null {
  if (!isMediaDoc(value) || !value.filename) return null
  return {
    file: value.filename,
    alt: value.alt ?? '',
    mimeType: value.mimeType ?? 'application/octet-stream',
    filesize: value.filesize ?? 0,
  }
}

/** The id of a relation, populated or not, as a string. */
export function relationId(value: unknown): string | null {
  if (value == null) return null
  if (typeof value === 'object') return 'id' in value ? String((value as { id: unknown }).id) : null
  return String(value)
}

/** A populated recording (audio or video), with its length. */
export function toRecordingRef(value: unknown): RecordingRef | null {
  const file = toFileRef(value)
  if (!file || !isMediaDoc(value)) return null
  return { ...file, duration: value.duration ?? null }
}
