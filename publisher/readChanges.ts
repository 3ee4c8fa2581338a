/**
 * What an update applies, read from the database: the public version of each queued document,
 * or of the whole published content against what the live site shows (a resync).
 */
import type { Payload } from 'payload'
import { exportRedirectEntry } from '../cms/export/exportRedirects'
import { exportSiteContent, exportSiteEntries } from '../cms/export/exportSiteContent'
import type { SiteChange } from '../cms/payload-types'
import type { SiteContent } from '../shared/siteContent'
import { contentCollections, type ContentCollection, type EntryChange } from './siteState'

const isContentCollection = (name: string | null | undefined): name is ContentCollection =>
  contentCollections.includes(name as ContentCollection)

/** The public version (or none) of every document the rows (and `more`) name, once each. */
export async function changesOfRows(
  payload: Payload,
  rows: SiteChange[],
  more: readonly { collection: ContentCollection; id: string }[] = [],
): Promise<EntryChange[]> {
  const targets = new Map<string, { collection: ContentCollection; id: string }>()
  for (const row of rows) {
    if (isContentCollection(row.targetCollection) && row.documentId) {
      targets.set(`${row.targetCollection}:${row.documentId}`, {
        collection: row.targetCollection,
        id: row.documentId,
      })
    }
  }
  for (const target of more) targets.set(`${target.collection}:${target.id}`, target)
  const idsOf = new Map<ContentCollection, string[]>()
  for (const { collection, id } of targets.values()) {
    const ids = idsOf.get(collection)
    if (ids) ids.push(id)
    else idsOf.set(collection, [id])
  }
  const changes: EntryChange[] = []
  for (const [collection, ids] of idsOf) {
    if (collection === 'redirects') {
      for (const id of ids)
        changes.push({ collection, id, entry: await exportRedirectEntry(payload, id) })
      continue
    }
    const entries = await exportSiteEntries(payload, collection, ids)
    for (const id of ids) changes.push({ collection, id, entry: entries.get(id) ?? null })
  }
  return changes
}

/**
 * Every exported entry, and a removal for each live one the export lacks (the plan keeps only
 * what differs); `siteChanged` when the site settings differ (those need a full build).
 */
export async function changesToResync(
  payload: Payload,
  live: SiteContent,
): Promise<{ changes: EntryChange[]; siteChanged: boolean }> {
  const content = await exportSiteContent(payload)
  const changes: EntryChange[] = []
  for (const collection of contentCollections) {
    const exported = new Set<string>()
    for (const entry of content[collection]) {
      exported.add(entry.id)
      changes.push({ collection, id: entry.id, entry })
    }
    for (const { id } of live[collection])
      if (!exported.has(id)) changes.push({ collection, id, entry: null })
  }
  return { changes, siteChanged: JSON.stringify(content.site) !== JSON.stringify(live.site) }
}
