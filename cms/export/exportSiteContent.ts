import type { Payload } from 'payload'
import { byNumericId, newestFirst } from '../../shared/contentOrder'
import { parseCaptions, type CaptionCue } from '../../shared/captions'
import { parseTimestamp } from '../../shared/dates'
import {
  publicCollections,
  siteContentVersion,
  type PublicCollection,
  type PublicEntries,
  type BookEntry,
  type ExhibitEntry,
  type ExhibitionEntry,
  type LectureEntry,
  type NewsEntry,
  type SiteContent,
  type SiteSettings,
  type SpeakerEntry,
} from '../../shared/siteContent'
import type { Book, Exhibit, Exhibition, Lecture, News, Site, Speaker } from '../payload-types'
import { exportRedirects } from './exportRedirects'
import { relationId, toFileRef, toImageRef, toRecordingRef } from './mediaRefs'
import { renderRichText } from './renderRichText'

const text = (value: string | null | undefined) => value ?? ''
const list = (value: string[] | null | undefined) => value ?? []

/** The stored captions (WebVTT the CMS checked on save) as cues; none when empty or unreadable. */
function captionCues(vtt: string | null | undefined): CaptionCue[] {
  if (!vtt?.trim()) return []
  const parsed = parseCaptions(vtt)
  return parsed.ok ? parsed.cues : []
}

const common = (doc: { id: number | string; slug?: string | null; updatedAt: string }) => ({
  id: String(doc.id),
  slug: doc.slug ?? String(doc.id),
  updatedAt: doc.updatedAt,
})

/** One document (read at depth 1) as the site sees it, per exported collection. */
export const siteEntryOf = {
  news: (doc: News): NewsEntry => ({
    ...common(doc),
    title: doc.title,
    category: doc.category,
    summary: text(doc.summary),
    tags: list(doc.tags),
    publishedAt: doc.publishedAt ?? doc.updatedAt,
    cover: toImageRef(doc.cover),
    bodyHtml: renderRichText(doc.body),
  }),
  exhibitions: (doc: Exhibition): ExhibitionEntry => ({
    ...common(doc),
    title: doc.title,
    intro: text(doc.intro),
    venue: text(doc.venue),
    openedAt: doc.openedAt ?? null,
    cover: toImageRef(doc.cover),
    sections: (doc.sections ?? []).map((section) => ({
      id: String(section.id),
      title: section.title,
      intro: text(section.intro),
    })),
  }),
  exhibits: (doc: Exhibit): ExhibitEntry => ({
    ...common(doc),
    title: doc.title,
    year: doc.year,
    exhibitionId: relationId(doc.exhibition) ?? '',
    sectionId: doc.section,
    date: doc.date ?? null,
    order: doc.order ?? 0,
    caption: text(doc.caption),
    images: (doc.images ?? [])
      .map((row) => ({ image: toImageRef(row.image), caption: text(row.caption) }))
      .filter(
        (row): row is { image: NonNullable<typeof row.image>; caption: string } =>
          row.image !== null,
      ),
    bodyHtml: renderRichText(doc.body),
  }),
  speakers: (doc: Speaker): SpeakerEntry => ({
    ...common(doc),
    name: doc.name,
    title: text(doc.title),
    bio: text(doc.bio),
    photo: toImageRef(doc.photo),
  }),
  lectures: (doc: Lecture): LectureEntry => ({
    ...common(doc),
    title: doc.title,
    series: doc.series,
    date: doc.date,
    episode: doc.episode ?? null,
    speakerId: relationId(doc.speaker),
    durationMinutes: doc.durationMinutes ?? null,
    recording: toRecordingRef(doc.recording),
    videoUrl: doc.videoUrl ?? null,
    poster: toImageRef(doc.poster),
    summary: text(doc.summary),
    chapters: (doc.chapters ?? []).map(({ start, title }) => ({
      start,
      seconds: parseTimestamp(start) ?? 0,
      title,
    })),
    transcript: text(doc.transcript),
    captions: captionCues(doc.captions),
    attachments: (doc.attachments ?? []).map(toFileRef).filter((file) => file !== null),
    tags: list(doc.tags),
  }),
  books: (doc: Book): BookEntry => ({
    ...common(doc),
    title: doc.title,
    subtitle: doc.subtitle ?? null,
    authors: list(doc.authors),
    publisher: doc.publisher ?? null,
    year: doc.year ?? null,
    isbn: doc.isbn ?? null,
    clc: doc.clc,
    clcClass: doc.clcClass ?? null,
    callNumber: doc.callNumber ?? null,
    subjects: list(doc.subjects),
    summary: text(doc.summary),
    cover: toImageRef(doc.cover),
    location: doc.location,
    copies: doc.copies,
    available: doc.available,
  }),
} satisfies { [C in PublicCollection]: (doc: never) => PublicEntries[C] }

/** The collections the site shows. */
export type ExportedCollection = keyof typeof siteEntryOf
export type SiteEntryOf<C extends ExportedCollection> = ReturnType<(typeof siteEntryOf)[C]>

function siteSettingsOf(site: Site): SiteSettings {
  return {
    siteName: site.siteName,
    slogan: text(site.slogan),
    storyHtml: renderRichText(site.story),
    figures: (site.figures ?? []).map(({ label, value, unit }) => ({
      label,
      value,
      unit: text(unit),
    })),
    navigation: (site.navigation ?? []).map(({ label, href }) => ({ label, href })),
    footer: text(site.footer),
    contact: {
      address: text(site.contact?.address),
      phone: text(site.contact?.phone),
      email: text(site.contact?.email),
      hours: text(site.contact?.hours),
    },
    shareImage: toImageRef(site.shareImage),
  }
}

const asPublic = { overrideAccess: false, draft: false, depth: 1 } as const

/** Lists the export sorts, so the same content always exports as the same file. */
const exportOrder: {
  [C in PublicCollection]?: (a: PublicEntries[C], b: PublicEntries[C]) => number
} = {
  news: newestFirst((item) => item.publishedAt),
  exhibits: (a, b) => a.order - b.order || byNumericId(a, b),
  lectures: newestFirst((item) => item.date),
}

/**
 * Everything the public site shows, read exactly as a visitor may read it: no user and
 * `overrideAccess: false`, so access control (not this code) keeps drafts and private fields out.
 */
export async function exportSiteContent(payload: Payload): Promise<SiteContent> {
  const [site, redirects, ...lists] = await Promise.all([
    payload.findGlobal({ slug: 'site', depth: 1, overrideAccess: false }),
    exportRedirects(payload),
    ...publicCollections.map((collection) => exportCollection(payload, collection)),
  ])
  const byCollection = Object.fromEntries(
    publicCollections.map((collection, at) => [collection, lists[at]]),
  )
  return {
    version: siteContentVersion,
    generatedAt: new Date().toISOString(),
    site: siteSettingsOf(site),
    redirects,
    ...(byCollection as { [C in PublicCollection]: PublicEntries[C][] }),
  }
}

async function exportCollection<C extends PublicCollection>(
  payload: Payload,
  collection: C,
): Promise<PublicEntries[C][]> {
  const { docs } = await payload.find({ collection, ...asPublic, pagination: false })
  const entries = docs.map((doc) =>
    (siteEntryOf[collection] as (doc: unknown) => PublicEntries[C])(doc),
  )
  const order = exportOrder[collection] as
    ((a: PublicEntries[C], b: PublicEntries[C]) => number) | undefined
  return order ? entries.sort(order) : entries
}

/**
 * One document as the public site shows it, or null when a visitor may not read it (a draft, an
 * unpublished or deleted document). With `draft: true` (the publisher's preview, after checking
 * the signed link) it is the latest draft instead, read with access overridden.
 */
export async function exportSiteEntry<C extends ExportedCollection>(
  payload: Payload,
  collection: C,
  id: string,
  { draft = false }: { draft?: boolean } = {},
): Promise<SiteEntryOf<C> | null> {
  const doc = await payload.findByID({
    collection,
    id,
    disableErrors: true,
    ...(draft ? { draft: true, overrideAccess: true, depth: 1 } : asPublic),
  })
  if (!doc) return null
  return (siteEntryOf[collection] as (doc: unknown) => SiteEntryOf<C>)(doc)
}

/**
 * `exportSiteEntry` for many documents of one collection: one query per 500 ids (an import's
 * 10,000 books: ~1 s instead of ~10,000 reads). A document the public cannot read maps to null.
 */
export async function exportSiteEntries<C extends ExportedCollection>(
  payload: Payload,
  collection: C,
  ids: readonly string[],
): Promise<Map<string, SiteEntryOf<C> | null>> {
  const entries = new Map<string, SiteEntryOf<C> | null>(ids.map((id) => [id, null]))
  for (let start = 0; start < ids.length; start += 500) {
    const { docs } = await payload.find({
      collection,
      where: { id: { in: ids.slice(start, start + 500) } },
      ...asPublic,
      pagination: false,
    })
    for (const doc of docs)
      entries.set(
        String(doc.id),
        (siteEntryOf[collection] as (doc: unknown) => SiteEntryOf<C>)(doc),
      )
  }
  return entries
}
