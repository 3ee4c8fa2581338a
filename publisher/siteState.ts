/**
 * The published content the live site was rendered from, and what an update changes in it.
 *
 * `plan` applies document changes to a copy and works out exactly which pages and files differ:
 * every page family that reads a changed collection recomputes its routes, and a page is
 * re-rendered when its props changed. Props are compared by a fingerprint in which each content
 * entry stands as a token of its identity and version (an entry object is replaced, never mutated,
 * when its document changes), so comparing 37,000 routes costs a few hundred milliseconds and no
 * rendering. `commit` makes the plan the live state once its files are written.
 *
 * Redirects (网址跳转) are content without pages: their files (`_redirects`, `_redirects.map`) are
 * recomputed on every plan from the redirects and the pages the plan leaves, and written when
 * their text changes, so a rename's redirect goes live in the rename's own update.
 */
import type { SearchDocument } from '../shared/search/buildIndex'
import { redirectFiles } from '../shared/redirects/redirectFiles'
import { searchDocumentsFromSiteContent } from '../shared/search/siteDocuments'
import {
  publicCollections,
  type PublicCollection,
  type SiteContent,
  type SiteSettings,
} from '../shared/siteContent'
import { buildContentIndex, type ContentIndex } from '../site/src/cms/buildContentIndex'
import {
  fileFamilies,
  generatedFiles,
  type FileFamily,
  type FileRoute,
  type GeneratedFile,
} from '../site/src/feeds/generatedFiles'
import { pageFamilies, routesOf, type PageRoute } from '../site/src/routes/pageRoutes'
import { searchUrls } from '../site/src/lib/urls'
import { siteRedirectRules } from '../site/src/redirects/siteRedirects'

/** What the queue names: the collections with pages, and the redirects. */
export type ContentCollection = PublicCollection | 'redirects'
export const contentCollections: readonly ContentCollection[] = [...publicCollections, 'redirects']

type Entry = SiteContent[ContentCollection][number]

/** A document's new public version, or null when it is no longer public. */
export interface EntryChange {
  collection: ContentCollection
  id: string
  entry: Entry | null
}

export interface SitePlan {
  content: SiteContent
  index: ContentIndex
  /** Family number → path → fingerprint, for the families recomputed (others are unchanged). */
  fingerprints: Map<number, Map<string, string>>
  /** Pages to (re-)render: new, or with changed props. */
  render: PageRoute[]
  /** Paths of pages that no longer exist. */
  remove: string[]
  /** Feeds and sitemap whose inputs changed. */
  files: GeneratedFile[]
  /** The redirect files, when their text changed (path and text). */
  redirectFiles: { path: string; data: string }[]
  /** Per-document files (a lecture's chapters, captions, transcript) new or with changed props. */
  familyFiles: { family: FileFamily; route: FileRoute }[]
  /** Family files that no longer exist. */
  removeFiles: string[]
  /** Family number → path → fingerprint, for the file families recomputed. */
  fileFingerprints: Map<number, Map<string, string>>
  search: { previous: SearchDocument[]; next: SearchDocument[] }
  /** Documents whose public version actually changed. */
  changed: EntryChange[]
}

const entryKey = (collection: string, id: string) => `${collection}:${id}`
const stableJson = (value: unknown) => JSON.stringify(value)

export class SiteState {
  private tokens = new WeakMap<object, string>()
  private version = 0
  /** The redirect files as the live site has them. */
  private redirectText = new Map<string, string>()
  private constructor(
    public content: SiteContent,
    public index: ContentIndex,
    private fingerprints: Map<number, Map<string, string>>,
    private fileFingerprints: Map<number, Map<string, string>> = new Map(),
  ) {}

  static from(content: SiteContent): SiteState {
    const state = new SiteState(content, buildContentIndex(content), new Map())
    for (const collection of contentCollections)
      for (const entry of content[collection]) state.register(collection, entry)
    pageFamilies.forEach((family, number) =>
      state.fingerprints.set(number, state.fingerprintFamily(number, state.index)),
    )
    for (const file of state.redirectFilesOf(content, state.index, state.fingerprints))
      state.redirectText.set(file.path, file.data)
    fileFamilies.forEach((family, number) =>
      state.fileFingerprints.set(number, state.fingerprintRoutes(family.routes(state.index))),
    )
    return state
  }

  /** The redirect files for `content`, whose pages are the paths of `fingerprints` (else the live ones). */
  private redirectFilesOf(
    content: SiteContent,
    index: ContentIndex,
    fingerprints: Map<number, Map<string, string>>,
  ): { path: string; data: string }[] {
    const isRoutePage = (path: string) =>
      pageFamilies.some((_, number) =>
        (fingerprints.get(number) ?? this.fingerprints.get(number))?.has(path),
      )
    return redirectFiles(siteRedirectRules(content.redirects, index, isRoutePage))
  }

  get site(): SiteSettings {
    return this.content.site
  }

  private register(collection: string, entry: object): void {
    this.tokens.set(entry, `${collection}#${++this.version}`)
  }

  private fingerprintFamily(
    number: number,
    index: ContentIndex,
    routes?: PageRoute[],
  ): Map<string, string> {
    return this.fingerprintRoutes(routes ?? routesOf(pageFamilies[number], index))
  }

  /** A route's fingerprint, by the route object (routes of unchanged lists are reused). */
  private routeFingerprints = new WeakMap<object, string>()

  /** Path → props with each content entry standing as its version token. */
  private fingerprintRoutes(routes: readonly { path: string; props: unknown }[]) {
    const replacer = (_key: string, value: unknown) =>
      (value !== null && typeof value === 'object' && this.tokens.get(value)) || value
    const result = new Map<string, string>()
    for (const route of routes) {
      let fingerprint = this.routeFingerprints.get(route)
      if (fingerprint === undefined) {
        fingerprint = JSON.stringify(route.props, replacer)
        this.routeFingerprints.set(route, fingerprint)
      }
      result.set(route.path, fingerprint)
    }
    return result
  }

  /** What applying `changes` would change, without changing the live state. */
  plan(changes: EntryChange[]): SitePlan {
    // Lists are copied on their first real change; untouched ones stay the live arrays, which
    // lets buildContentIndex reuse their sorted lists and lookups.
    const content: SiteContent = { ...this.content }
    const lists = content as unknown as Record<ContentCollection, Entry[]>
    const positions = new Map<ContentCollection, Map<string, number>>()
    const changed: EntryChange[] = []
    for (const change of changes) {
      let byId = positions.get(change.collection)
      if (!byId)
        positions.set(
          change.collection,
          (byId = new Map(lists[change.collection].map((entry, position) => [entry.id, position]))),
        )
      const position = byId.get(change.id)
      const before = position === undefined ? null : lists[change.collection][position]
      if (stableJson(before) === stableJson(change.entry)) continue
      if (lists[change.collection] === this.content[change.collection])
        lists[change.collection] = [...lists[change.collection]]
      const list = lists[change.collection]
      changed.push(change)
      if (change.entry) this.register(change.collection, change.entry)
      if (position !== undefined && change.entry) list[position] = change.entry
      else if (position !== undefined) {
        list.splice(position, 1)
        positions.set(change.collection, new Map(list.map((entry, at) => [entry.id, at])))
      } else if (change.entry) {
        byId.set(change.id, list.length)
        list.push(change.entry)
      }
    }
    const touched = new Set(changed.map((change) => change.collection))
    if (touched.size === 0) {
      return {
        content: this.content,
        index: this.index,
        fingerprints: new Map(),
        render: [],
        remove: [],
        files: [],
        redirectFiles: [],
        familyFiles: [],
        removeFiles: [],
        fileFingerprints: new Map(),
        search: { previous: [], next: [] },
        changed,
      }
    }

    const index = buildContentIndex(content, { lists: this.content, index: this.index })
    const fingerprints = new Map<number, Map<string, string>>()
    const render: PageRoute[] = []
    const remove: string[] = []
    pageFamilies.forEach((family, number) => {
      if (!family.dependsOn.some((dependency) => touched.has(dependency))) return
      const routes = routesOf(family, index)
      const next = this.fingerprintFamily(number, index, routes)
      const before = this.fingerprints.get(number) ?? new Map<string, string>()
      routes.forEach((route) => {
        if (before.get(route.path) !== next.get(route.path)) render.push(route)
      })
      for (const path of before.keys()) if (!next.has(path)) remove.push(path)
      fingerprints.set(number, next)
    })
    // A path can move between families (never today, but a removal must not undo a render).
    const rendered = new Set(render.map((route) => route.path))
    const files = generatedFiles.filter((file) =>
      file.dependsOn.some((dependency) => touched.has(dependency as ContentCollection)),
    )
    const familyFiles: SitePlan['familyFiles'] = []
    const removeFiles: string[] = []
    const fileFingerprints = new Map<number, Map<string, string>>()
    fileFamilies.forEach((family, number) => {
      if (!family.dependsOn.some((dependency) => touched.has(dependency))) return
      const routes = family.routes(index)
      const next = this.fingerprintRoutes(routes)
      const before = this.fileFingerprints.get(number) ?? new Map<string, string>()
      for (const route of routes)
        if (before.get(route.path) !== next.get(route.path)) familyFiles.push({ family, route })
      for (const path of before.keys()) if (!next.has(path)) removeFiles.push(path)
      fileFingerprints.set(number, next)
    })
    return {
      content,
      index,
      fingerprints,
      render,
      remove: remove.filter((path) => !rendered.has(path)),
      files,
      redirectFiles: this.redirectFilesOf(content, index, fingerprints).filter(
        (file) => this.redirectText.get(file.path) !== file.data,
      ),
      familyFiles,
      removeFiles,
      fileFingerprints,
      search: this.searchChanges(changed, content),
      changed,
    }
  }

  /** The search documents that differ between the live content and `next`: old versions and new. */
  private searchChanges(changes: EntryChange[], next: SiteContent) {
    const keys = new Set(changes.map((change) => entryKey(change.collection, change.id)))
    const affected = (content: SiteContent): SiteContent => {
      // Lectures show their speaker's name and exhibits live under their exhibition's slug.
      const speakers = new Set(
        changes.filter((change) => change.collection === 'speakers').map((change) => change.id),
      )
      const exhibitions = new Set(
        changes.filter((change) => change.collection === 'exhibitions').map((change) => change.id),
      )
      return {
        ...content,
        news: content.news.filter((entry) => keys.has(entryKey('news', entry.id))),
        exhibits: content.exhibits.filter(
          (entry) =>
            keys.has(entryKey('exhibits', entry.id)) || exhibitions.has(entry.exhibitionId),
        ),
        lectures: content.lectures.filter(
          (entry) =>
            keys.has(entryKey('lectures', entry.id)) ||
            (entry.speakerId !== null && speakers.has(entry.speakerId)),
        ),
        books: content.books.filter((entry) => keys.has(entryKey('books', entry.id))),
      }
    }
    const previous = searchDocumentsFromSiteContent(affected(this.content), searchUrls)
    const nextDocuments = searchDocumentsFromSiteContent(affected(next), searchUrls)
    const key = (document: SearchDocument) => `${document.type}:${document.id}`
    const before = new Map(previous.map((document) => [key(document), stableJson(document)]))
    const after = new Map(nextDocuments.map((document) => [key(document), stableJson(document)]))
    return {
      previous: previous.filter(
        (document) => after.get(key(document)) !== before.get(key(document)),
      ),
      next: nextDocuments.filter(
        (document) => after.get(key(document)) !== before.get(key(document)),
      ),
    }
  }

  /** Makes a plan the live state (after its files are written). */
  commit(plan: SitePlan): void {
    this.content = plan.content
    this.index = plan.index
    for (const [number, paths] of plan.fingerprints) this.fingerprints.set(number, paths)
    for (const file of plan.redirectFiles) this.redirectText.set(file.path, file.data)
    for (const [number, paths] of plan.fileFingerprints) this.fileFingerprints.set(number, paths)
  }
}
