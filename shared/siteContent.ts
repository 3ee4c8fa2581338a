/**
 * The published-content export: what the CMS hands the public site. Field names and types come
 * from the Payload config (via the generated `cms/payload-types.ts`); this file only says which
 * fields are public and how relations, media and rich text are flattened. Ids are strings, so the
 * contract is the same on SQLite (numeric ids) and MongoDB (ObjectIds).
 */
import type { CaptionCue } from './captions'
import type {
  Book,
  Exhibit,
  Exhibition,
  Lecture,
  Media,
  News,
  Site,
  Speaker,
} from '../cms/payload-types'

export const siteContentVersion = 1

/** One rendition of an image: a path under the media folder plus its pixel size. */
export interface ImageRendition {
  /** File name inside the media folder (`MEDIA_DIR` locally, `/media/` on the site). */
  file: string
  width: number
  height: number
  mimeType: string
}

/** The image sizes made by the CMS (see cms/collections/Media). */
export type ImageSizeName = 'thumbnail' | 'card' | 'cardLarge' | 'heroSmall' | 'hero' | 'og'

export interface ImageRef extends ImageRendition {
  alt: string
  caption: string | null
  focalX: number | null
  focalY: number | null
  sizes: Partial<Record<ImageSizeName, ImageRendition>>
}

/** A non-image upload: recording, attachment. */
export interface FileRef {
  file: string
  alt: string
  mimeType: string
  filesize: number
}

/** A lecture's recording: an audio or video upload, with its length as read from the file. */
export interface RecordingRef extends FileRef {
  /** Seconds, to the millisecond; null for a file uploaded before lengths were read. */
  duration: number | null
}

type Common = { id: string; slug: string; updatedAt: string }

export type NewsEntry = Common &
  Pick<News, 'title' | 'category'> & {
    summary: string
    tags: string[]
    /** ISO timestamp; always set for published news. */
    publishedAt: string
    cover: ImageRef | null
    /** Safe HTML rendered from the Lexical body. */
    bodyHtml: string
  }

export type ExhibitionEntry = Common &
  Pick<Exhibition, 'title'> & {
    intro: string
    venue: string
    openedAt: string | null
    cover: ImageRef | null
    sections: { id: string; title: string; intro: string }[]
  }

export type ExhibitEntry = Common &
  Pick<Exhibit, 'title' | 'year'> & {
    exhibitionId: string
    sectionId: string
    date: string | null
    order: number
    caption: string
    images: { image: ImageRef; caption: string }[]
    bodyHtml: string
  }

export type SpeakerEntry = Common &
  Pick<Speaker, 'name'> & {
    title: string
    bio: string
    photo: ImageRef | null
  }

export type LectureEntry = Common &
  Pick<Lecture, 'title' | 'series' | 'date'> & {
    episode: number | null
    speakerId: string | null
    durationMinutes: number | null
    recording: RecordingRef | null
    videoUrl: string | null
    poster: ImageRef | null
    summary: string
    chapters: { start: string; seconds: number; title: string }[]
    transcript: string
    /** The captions file's cues (the CMS stores it as checked WebVTT). */
    captions: CaptionCue[]
    attachments: FileRef[]
    tags: string[]
  }

export type BookEntry = Common &
  Pick<Book, 'title' | 'clc' | 'location' | 'copies' | 'available'> & {
    subtitle: string | null
    authors: string[]
    publisher: string | null
    year: number | null
    isbn: string | null
    clcClass: string | null
    callNumber: string | null
    subjects: string[]
    summary: string
    cover: ImageRef | null
  }

export type SiteSettings = Pick<Site, 'siteName'> & {
  slogan: string
  storyHtml: string
  figures: { label: string; value: number; unit: string }[]
  navigation: { label: string; href: string }[]
  footer: string
  contact: { address: string; phone: string; email: string; hours: string }
  /** The site's share image (its `og` rendition on every page without an image of its own). */
  shareImage: ImageRef | null
}

/** The entry type of each collection the public site shows. */
export interface PublicEntries {
  news: NewsEntry
  exhibitions: ExhibitionEntry
  exhibits: ExhibitEntry
  speakers: SpeakerEntry
  lectures: LectureEntry
  books: BookEntry
}

/**
 * The collections the public site shows, in export order: the export, the site's content layer,
 * the route table's dependencies and the publisher all take their list from here.
 */
export const publicCollections = [
  'news',
  'exhibitions',
  'exhibits',
  'speakers',
  'lectures',
  'books',
] as const satisfies readonly (keyof PublicEntries)[]
export type PublicCollection = (typeof publicCollections)[number]
// Fails to compile when PublicEntries has a collection the list lacks.
const everyCollectionListed: Exclude<keyof PublicEntries, PublicCollection> extends never
  ? true
  : never = true
void everyCollectionListed

/**
 * A redirect of the 网址跳转 collection (shared/redirects/): from a canonical site path to a
 * document (its page, wherever it is now; none while it is not published) or to a site path or
 * external `https://` address.
 */
export interface RedirectEntry {
  id: string
  from: string
  to: { collection: PublicCollection; id: string } | { url: string }
}

export type SiteContent = {
  version: typeof siteContentVersion
  generatedAt: string
  site: SiteSettings
  /** Absent from exports written before redirects existed (read as none). */
  redirects: RedirectEntry[]
} & { [C in PublicCollection]: PublicEntries[C][] }

/** The Payload media document fields the export reads. */
export type MediaDoc = Pick<
  Media,
  | 'alt'
  | 'caption'
  | 'filename'
  | 'mimeType'
  | 'filesize'
  | 'duration'
  | 'width'
  | 'height'
  | 'focalX'
  | 'focalY'
> & {
  sizes?: Partial<
    Record<
      ImageSizeName,
      | {
          filename?: string | null
          width?: number | null
          height?: number | null
          mimeType?: string | null
        }
      | undefined
    >
  >
}
