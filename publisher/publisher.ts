/**
 * The publisher keeps the static site equal to the published content, with no one running a
 * command: it drains the `site-changes` queue (rows CMS hooks write with each public change), re-renders exactly the pages, feeds and search files the changes affect
 * with the warm renderer of the live release, and writes them atomically. One update runs at a
 * time; rows arriving meanwhile are taken together by the next one. A full build (a new release
 * folder, swapped in by symlink) runs for code changes, site settings, on request and as a periodic
 * consistency check, and replays the changes published while it ran before it swaps.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { exportSiteContent, exportSiteEntry } from '../cms/export/exportSiteContent'
import type { SiteChange } from '../cms/payload-types'
import { siteUrl as settingsSiteUrl } from '../cms/settings'
import { buildSearchIndex, indexFiles } from '../shared/search/buildIndex'
import { searchDocumentsFromSiteContent } from '../shared/search/siteDocuments'
import { SearchIndexUpdater } from '../shared/search/updateIndex'
import type { SiteContent } from '../shared/siteContent'
import { Release, Releases, siteSourceHash, type JournalRecord } from './releases'
import { collectMediaReferences } from '../site/integrations/copyUsedMedia'
import { copyMissingMedia, fileOfPath, removePage, StagedFiles } from './siteFiles'
import { contentCollections, SiteState, type ContentCollection, type EntryChange, type SitePlan } from './siteState'
import { WarmRenderer } from './warmRenderer'
import { pageFamilies } from '../site/src/routes/pageRoutes'
import { searchUrls } from '../site/src/lib/urls'

export interface PublisherOptions {
  payload: Payload
  releasesDir: string
  mediaDir: string
  /** How often the queue is read when idle (ms). */
  pollInterval?: number
  /** Hours between consistency full builds (0: never). */
  fullBuildIntervalHours?: number
  /** Tests only: a page whose props contain this text fails to render. */
  faultMarker?: string
  log?: (message: string) => void
}

/** The live release with everything needed to update it. */
interface LiveSite {
  release: Release
  state: SiteState
  renderer: WarmRenderer
  /** The `SITE_URL` the release was built with (absolute URLs in feeds and the sitemap). */
  siteUrl: URL
  search: SearchIndexUpdater
}

export interface UpdateResult {
  changes: number
  pages: number
  removed: number
  files: number
  shards: number
  milliseconds: number
}

const isContentCollection = (name: string | null | undefined): name is ContentCollection => contentCollections.includes(name as ContentCollection)

export class Publisher {
  private releases: Releases
  private live!: LiveSite
  private lock: Promise<unknown> = Promise.resolve()
  private timer: NodeJS.Timeout | undefined
  private building: Promise<void> | null = null
  /** While a full build runs: documents changed after its snapshot, to replay before the swap. */
  private changedSinceSnapshot: Map<string, { collection: ContentCollection; id: string }> | null = null
  private stopped = false
  private failures = 0
  private nextAttempt = 0
  private lastFullBuildAt = 0
  private buildTask: { task: string; since: string } | null = null
  private buildFailures = 0
  private nextBuildAttempt = 0
  private unlock: (() => void) | undefined
  private reporting: Promise<void> = Promise.resolve()
  readonly log: (message: string) => void

  constructor(private options: PublisherOptions) {
    this.releases = new Releases(options.releasesDir)
    this.log = options.log ?? ((message) => console.log(`[publisher] ${message}`))
  }

  get servedDir(): string {
    return this.releases.servedDir
  }

  get state(): SiteState {
    return this.live.state
  }

  get renderer(): WarmRenderer {
    return this.live.renderer
  }

  /** Runs `task` when no other update runs (one at a time, in order). */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lock.then(task, task)
    this.lock = run.catch(() => undefined)
    return run
  }

  /**
   * Makes sure a release built from the current code serves, brings it up to date with the
   * database, then watches the queue. The comparison at start also covers a queue row lost to a
   * crash between a save and its row (SQLite runs Payload without transactions): `npm start`
   * restarts the publisher with the CMS.
   */
  async start({ watch = true } = {}): Promise<void> {
    this.unlock = this.releases.lock()
    const current = this.releases.current()
    const info = current?.info()
    if (!current || !info || info.sourceHash !== siteSourceHash()) {
      await this.fullBuild(current ? '网站代码已更新' : '首次构建')
    } else {
      this.live = await this.open(current, current.readContent())
      this.lastFullBuildAt = Date.parse(info.builtAt)
      await this.exclusive(() => this.resync('启动时核对'))
    }
    if (watch) this.watch()
  }

  private async open(release: Release, content: SiteContent): Promise<LiveSite> {
    const renderer = await WarmRenderer.start(release.renderDir)
    const state = SiteState.from(content)
    // A few pages of each kind on every thread, discarded: the first update runs on optimised code.
    await renderer.warmUp(pageFamilies.flatMap((family) => family.routes(state.index).slice(0, 60)), state.site)
    const siteUrl = new URL(release.info()?.siteUrl ?? settingsSiteUrl())
    return { release, state, renderer, siteUrl, search: SearchIndexUpdater.open(release.searchDir) }
  }

  private watch(): void {
    const interval = this.options.pollInterval ?? 150
    const loop = async () => {
      if (this.stopped) return
      try {
        await this.drainQueue()
        const hours = this.options.fullBuildIntervalHours ?? 24
        if (hours > 0 && !this.building && Date.now() - this.lastFullBuildAt > hours * 3600_000) this.startFullBuild('定期一致性检查')
      } catch (error) {
        this.log(`队列处理出错：${(error as Error).message}`)
      }
      if (!this.stopped) this.timer = setTimeout(loop, interval)
    }
    this.timer = setTimeout(loop, 0)
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    await this.building?.catch(() => undefined)
    await this.lock
    await this.reporting
    await this.live?.renderer.close()
    this.unlock?.()
  }

  /** Takes every waiting change and applies it in one update. Returns what it did, or null. */
  async drainQueue(): Promise<UpdateResult | null> {
    if (Date.now() < this.nextAttempt) return null
    return this.exclusive(async () => {
      const { payload } = this.options
      const rows = (await payload.find({ collection: 'site-changes', overrideAccess: true, depth: 0, limit: 2000, sort: 'createdAt', pagination: false }))
        .docs
      if (rows.length === 0) return null
      const rebuilds = rows.filter((row) => row.kind === 'rebuild' || row.kind === 'site')
      if (rebuilds.length > 0 && !this.building) this.startFullBuild(rebuilds.some((row) => row.kind === 'rebuild') ? '编辑请求全部重建' : '网站设置已修改')
      const documents = rows.filter((row) => row.kind === 'document')
      if (documents.length === 0) return null
      try {
        const result = documents.some((row) => row.targetCollection === 'media')
          ? await this.resync('媒体文件已修改')
          : await this.applyDocuments(documents)
        await this.forget(documents)
        this.failures = 0
        return result
      } catch (error) {
        // The rows stay queued: the next attempt (after a pause that grows) retries them.
        this.failures++
        this.nextAttempt = Date.now() + Math.min(60_000, 1000 * 2 ** Math.min(this.failures, 6))
        await this.report({ working: { task: '', since: null }, lastError: { at: new Date().toISOString(), message: (error as Error).message } })
        this.log(`更新失败，旧页面继续提供：${(error as Error).message}`)
        return null
      }
    })
  }

  private async forget(rows: SiteChange[]): Promise<void> {
    await this.options.payload.delete({ collection: 'site-changes', where: { id: { in: rows.map((row) => row.id) } }, overrideAccess: true })
  }

  /** Reads the public version of every queued document and applies them together. */
  private async applyDocuments(rows: SiteChange[]): Promise<UpdateResult> {
    const targets = new Map<string, { collection: ContentCollection; id: string }>()
    for (const row of rows) {
      if (isContentCollection(row.targetCollection) && row.documentId) {
        targets.set(`${row.targetCollection}:${row.documentId}`, { collection: row.targetCollection, id: row.documentId })
      }
    }
    const changes: EntryChange[] = await Promise.all(
      [...targets.values()].map(async ({ collection, id }) => ({ collection, id, entry: await exportSiteEntry(this.options.payload, collection, id) })),
    )
    return this.apply(changes, `发布 ${changes.length} 项变更`)
  }

  /**
   * Brings the live site to the whole published content: every exported entry, and a removal for
   * each live one the export lacks (the plan keeps only what differs).
   */
  private async resync(reason: string): Promise<UpdateResult> {
    const content = await exportSiteContent(this.options.payload)
    const changes: EntryChange[] = []
    for (const collection of contentCollections) {
      const exported = new Set<string>()
      for (const entry of content[collection]) {
        exported.add(entry.id)
        changes.push({ collection, id: entry.id, entry })
      }
      for (const { id } of this.live.state.content[collection]) if (!exported.has(id)) changes.push({ collection, id, entry: null })
    }
    if (JSON.stringify(content.site) !== JSON.stringify(this.live.state.site)) this.startFullBuild('网站设置已修改')
    return this.apply(changes, reason)
  }

  /**
   * Renders everything the changes affect and stages it in temporary files, then renames it all
   * into place; a failure anywhere before that writes nothing visible.
   */
  private async apply(changes: EntryChange[], task: string, live: LiveSite = this.live): Promise<UpdateResult> {
    const started = performance.now()
    const plan = live.state.plan(changes)
    const planned = performance.now()
    if (plan.changed.length === 0) return { changes: 0, pages: 0, removed: 0, files: 0, shards: 0, milliseconds: performance.now() - started }
    void this.report({ working: { task, since: new Date().toISOString() } })
    const root = live.release.publicDir
    const staged = new StagedFiles()
    let shards = 0
    let removed = 0
    let renderedAt = planned
    try {
      const media = new Set<string>()
      const [, search] = await Promise.all([this.renderInto(staged, media, plan, live), this.stageSearch(staged, plan, live)])
      renderedAt = performance.now()
      copyMissingMedia(root, media, this.options.mediaDir)
      await staged.commit()
      shards = search()
      for (const urlPath of plan.remove) if (removePage(root, urlPath)) removed++
    } catch (error) {
      await staged.discard()
      throw error
    }
    const writtenAt = performance.now()
    live.release.appendJournal(plan.changed as JournalRecord[])
    live.state.commit(plan)
    if (this.changedSinceSnapshot && live === this.live) {
      for (const change of plan.changed) this.changedSinceSnapshot.set(`${change.collection}:${change.id}`, { collection: change.collection, id: change.id })
    }
    const result: UpdateResult = { changes: plan.changed.length, pages: plan.render.length, removed, files: plan.files.length, shards, milliseconds: performance.now() - started }
    void this.report({
      working: { task: '', since: null },
      lastUpdate: { at: new Date().toISOString(), durationMs: Math.round(result.milliseconds), pages: result.pages + result.removed, changes: result.changes },
    })
    const ms = (from: number, to: number) => Math.round(to - from)
    this.log(
      `${task}：${result.pages} 页更新、${result.removed} 页删除、${result.files} 个文件、${result.shards} 个索引分片，` +
        `${Math.round(result.milliseconds)} ms（比对 ${ms(started, planned)}，渲染并暂存 ${plan.render.length} 页 ${ms(planned, renderedAt)}，上线 ${ms(renderedAt, writtenAt)}）`,
    )
    return result
  }

  /** Renders the plan's pages on the warm renderer and its feeds, staging each as it is ready. */
  private async renderInto(staged: StagedFiles, media: Set<string>, plan: SitePlan, live: LiveSite): Promise<void> {
    const marker = process.env.NODE_ENV === 'production' ? undefined : this.options.faultMarker
    for (const route of plan.render) {
      if (marker && JSON.stringify(route.props).includes(marker)) throw new Error(`渲染 ${route.path} 失败（测试注入的故障）`)
    }
    const root = live.release.publicDir
    await Promise.all(
      plan.render.map(async (route) => {
        const html = await live.renderer.renderPage(route, plan.content.site)
        collectMediaReferences(html, media)
        staged.stage(0, fileOfPath(root, route.path), html)
      }),
    )
    // Feeds and the sitemap are plain functions of the content (site/src/feeds/), as in the build.
    for (const file of plan.files) staged.stage(0, fileOfPath(root, file.path), file.render(plan.index, live.siteUrl))
  }

  /**
   * Stages the search index's changed files, and returns what to do once they are in place. When
   * the index on disk is not what the live content gives (an update cut short), the whole index
   * is staged instead, and files it no longer has are removed after.
   */
  private async stageSearch(staged: StagedFiles, plan: SitePlan, live: LiveSite): Promise<() => number> {
    const dir = live.release.searchDir
    try {
      const prepared = live.search.prepare(plan.search)
      prepared.files.forEach((group, order) => group.forEach(([file, data]) => staged.stage(1 + order, file, data)))
      return () => prepared.commit().shardsWritten
    } catch (error) {
      this.log(`搜索索引与内容不一致，完整重建：${(error as Error).message}`)
      const index = buildSearchIndex(searchDocumentsFromSiteContent(plan.content, searchUrls))
      const groups = indexFiles(index)
      groups.forEach((group, order) => group.forEach(([file, data]) => staged.stage(1 + order, path.join(dir, file), data)))
      return () => {
        const kept = new Set(groups.flat().map(([file]) => path.join(dir, file)))
        for (const folder of ['shards', 'docs']) {
          for (const name of fs.readdirSync(path.join(dir, folder))) {
            if (!kept.has(path.join(dir, folder, name))) fs.rmSync(path.join(dir, folder, name), { force: true })
          }
        }
        live.search = SearchIndexUpdater.open(dir)
        return index.manifest.shardCount
      }
    }
  }

  /** Starts a full build in the background unless one runs (it is then followed by none). */
  startFullBuild(reason: string): void {
    if (this.building || Date.now() < this.nextBuildAttempt) return
    this.building = this.fullBuild(reason)
      .then(() => {
        this.buildFailures = 0
      })
      .catch(async (error) => {
        // Its request stays queued; retried after a pause that grows (a broken build is not looped).
        this.buildFailures++
        this.nextBuildAttempt = Date.now() + Math.min(3600_000, 30_000 * 2 ** Math.min(this.buildFailures - 1, 7))
        this.log(`全量构建失败：${(error as Error).message}`)
        await this.report({ working: { task: '', since: null }, lastError: { at: new Date().toISOString(), message: `全量构建失败：${(error as Error).message}` } })
      })
      .finally(() => {
        this.building = null
      })
  }

  /** Waits for a full build started in the background, if any. */
  async settled(): Promise<void> {
    await this.building
  }

  /**
   * Builds a new release from a snapshot of the published content, replays what was published
   * while it built, and swaps it in. Queue rows older than the snapshot are then done.
   */
  async fullBuild(reason: string): Promise<void> {
    const { payload } = this.options
    const started = Date.now()
    const { snapshot, requests } = await this.exclusive(async () => {
      // Every row waiting now is covered by the snapshot taken next: done once the build is live.
      const pending = (await payload.find({ collection: 'site-changes', overrideAccess: true, depth: 0, pagination: false })).docs
      const content = await exportSiteContent(payload)
      this.changedSinceSnapshot = new Map()
      return { snapshot: content, requests: pending }
    })
    this.buildTask = { task: `全量构建（${reason}）`, since: new Date(started).toISOString() }
    await this.report({ working: this.buildTask })
    this.log(`全量构建开始（${reason}）`)
    let release: Release
    try {
      release = await this.releases.build(snapshot, reason)
    } catch (error) {
      this.changedSinceSnapshot = null
      this.buildTask = null
      throw error
    }
    await this.exclusive(async () => {
      const next = await this.open(release, release.readContent())
      const replay = [...(this.changedSinceSnapshot?.values() ?? [])].map(({ collection, id }) => ({
        collection,
        id,
        entry: ((this.live?.state.content[collection] ?? []) as EntryChange['entry'][]).find((entry) => entry?.id === id) ?? null,
      }))
      if (replay.length > 0) await this.apply(replay, `重放构建期间的 ${replay.length} 项发布`, next)
      const previous = this.live
      this.releases.swap(release)
      this.live = next
      this.changedSinceSnapshot = null
      this.lastFullBuildAt = Date.now()
      this.buildTask = null
      await previous?.renderer.close()
      if (requests.length > 0) await this.forget(requests)
      const info = release.info()!
      await this.report({
        working: { task: '', since: null },
        lastFullBuild: { at: new Date().toISOString(), durationMs: Date.now() - started, pages: info.pages, reason },
      })
      this.log(`全量构建完成：${info.pages} 页，${((Date.now() - started) / 1000).toFixed(1)} 秒`)
    })
  }

  /**
   * Writes the publisher's state to the `site-status` global the admin panel reads. Writes go out
   * one after another, in order, so a late "working" can never overwrite the "done" after it.
   */
  private report(data: Record<string, unknown>): Promise<void> {
    this.reporting = this.reporting.then(async () => {
      // An update that ends while a full build runs hands "working" back to the build.
      const working = data.working as { task: string } | undefined
      const written = working && working.task === '' && this.buildTask ? { ...data, working: this.buildTask } : data
      try {
        await this.options.payload.updateGlobal({ slug: 'site-status', data: written, overrideAccess: true, depth: 0 } as never)
      } catch (error) {
        this.log(`状态写入失败：${(error as Error).message}`)
      }
    })
    return this.reporting
  }
}
