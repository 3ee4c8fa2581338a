/**
 * The publisher keeps the static site equal to the published content, with no one running a
 * command. It ties four parts together: the queue drainer (queueDrainer.ts) takes the changes CMS
 * hooks queue, `applyUpdate` (applyUpdate.ts) re-renders exactly the pages, feeds and search
 * files they affect with the live release's warm renderer and writes them atomically, full builds
 * (fullBuilds.ts) make new releases for code changes, site settings, requests and a periodic
 * consistency check, and the status reporter (statusReporter.ts) keeps 网站状态 current. One
 * update runs at a time; rows arriving meanwhile are taken together by the next one.
 */
import type { Payload } from 'payload'
import type { SiteChange } from '../cms/payload-types'
import { applyUpdate, mergeSearchStep } from './applyUpdate'
import { FullBuilds } from './fullBuilds'
import { openLiveSite, type LiveSite } from './liveSite'
import type { FullBuildResult, UpdateResult } from './messages'
import { QueueDrainer } from './queueDrainer'
import { entriesShowingFiles, mediaFileNames } from './mediaUsers'
import { changesOfRows, changesToResync } from './readChanges'
import { Releases, siteSourceHash } from './releases'
import type { ContentCollection, EntryChange, SiteState } from './siteState'
import { StatusReporter } from './statusReporter'
import type { WarmRenderer } from '../site/server/warmRenderer'

export type { UpdateResult } from './messages'

export interface PublisherOptions {
  payload: Payload
  releasesDir: string
  mediaDir: string
  /**
   * How often the queue is read when idle (ms). Half of it is the average wait before a save is
   * picked up; an empty read costs well under a millisecond.
   */
  pollInterval?: number
  /** Hours between consistency full builds (0: never). */
  fullBuildIntervalHours?: number
  /** Tests only: a page whose props contain this text fails to render. */
  faultMarker?: string
  /** Tests only: while this file exists, writing site files fails with ENOSPC. */
  noSpaceWhile?: string
  log?: (message: string) => void
  /** Each update's and full build's result, as it happens (run.ts sends them to its parent). */
  onUpdate?: (result: UpdateResult) => void
  onFullBuild?: (result: FullBuildResult) => void
}

export class Publisher {
  private releases: Releases
  private live!: LiveSite
  private lock: Promise<unknown> = Promise.resolve()
  private unlock: (() => void) | undefined
  /** A resync the start could not finish: the drainer retries it before anything else. */
  private pendingResync: string | null = null
  private status: StatusReporter
  private queue: QueueDrainer
  private builds: FullBuilds
  readonly log: (message: string) => void

  constructor(private options: PublisherOptions) {
    this.releases = new Releases(options.releasesDir)
    this.log = options.log ?? ((message) => console.log(`[publisher] ${message}`))
    this.status = new StatusReporter(options.payload, this.log)
    const exclusive = <T>(task: () => Promise<T>) => this.exclusive(task)
    this.queue = new QueueDrainer(
      options.payload,
      {
        requestFullBuild: (reason) => this.startFullBuild(reason),
        applyDocuments: (rows) => this.applyDocuments(rows),
        hasPendingWork: () => this.pendingResync !== null,
        failed: async (error, retryInMs) => {
          this.log(
            `更新失败，旧页面继续提供，${Math.round(retryInMs / 1000)} 秒后重试：${error.message}`,
          )
          await this.status.failed(error.message)
        },
        idle: () => {
          if (this.live?.search.hasDelta && Date.now() >= this.mergeRetryAt) void this.mergeSearch()
          const hours = this.options.fullBuildIntervalHours ?? 24
          if (
            hours > 0 &&
            !this.builds.running &&
            Date.now() - this.builds.lastBuiltAt > hours * 3600_000
          )
            this.startFullBuild('定期一致性检查')
        },
      },
      exclusive,
    )
    this.builds = new FullBuilds({
      payload: options.payload,
      releases: this.releases,
      status: this.status,
      log: this.log,
      exclusive,
      open: openLiveSite,
      live: () => this.live,
      apply: (live, changes, task) => this.apply(changes, task, live),
      becameLive: async (next) => {
        const previous = this.live
        this.live = next
        await previous?.renderer.close()
      },
      forget: (rows) => this.queue.forget(rows),
      onBuilt: options.onFullBuild,
    })
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
   * crash between a save and its row. When that comparison fails, the release keeps serving and
   * the comparison is retried like any update.
   */
  async start({ watch = true } = {}): Promise<void> {
    this.unlock = this.releases.lock()
    const leftovers = this.releases.removeLeftovers()
    if (leftovers > 0) this.log(`清理了上次中断留下的 ${leftovers} 个临时文件或未完成的构建`)
    // A publisher killed mid-task left its "working" line behind.
    await this.status.done()
    const current = this.releases.current()
    const info = current?.info()
    if (!current || !info || info.sourceHash !== siteSourceHash()) {
      await this.fullBuild(current ? '网站代码已更新' : '首次构建')
    } else {
      this.live = await openLiveSite(current)
      this.builds.lastBuiltAt = Date.parse(info.builtAt)
      this.pendingResync = '启动时核对'
      await this.drainQueue()
    }
    if (watch) this.queue.watch(this.options.pollInterval ?? 50)
  }

  async stop(): Promise<void> {
    this.queue.stop()
    await this.builds.settled().catch(() => undefined)
    await this.lock
    await this.status.flushed()
    await this.live?.renderer.close()
    this.unlock?.()
  }

  /** Takes every waiting change (and a resync left by the start) and applies it. Returns what it did, or null. */
  async drainQueue(): Promise<UpdateResult | null> {
    return this.queue.drain()
  }

  /** Skips the pause before the next retry of a failed update (tests, and an editor's retry). */
  retryNow(): void {
    this.queue.retryNow()
  }

  /** Applies every queued document's public version together (and a resync the start left). */
  private async applyDocuments(rows: SiteChange[]): Promise<UpdateResult | null> {
    if (this.pendingResync) {
      const resynced = await this.resync(this.pendingResync)
      this.pendingResync = null
      if (rows.length === 0) return resynced
    }
    const showingMedia = await this.entriesShowingMedia(rows)
    if (!showingMedia) return this.resync('媒体文件已修改')
    const changes = await changesOfRows(this.options.payload, rows, showingMedia)
    return this.apply(changes, `发布 ${changes.length} 项变更`)
  }

  /**
   * The live entries that show the media the rows changed (none when no row is media), or null
   * when that cannot be known: a deleted media document, or files no live page names (a
   * replaced file, whose old names the live pages still carry), which take a resync.
   */
  private async entriesShowingMedia(
    rows: SiteChange[],
  ): Promise<{ collection: ContentCollection; id: string }[] | null> {
    const ids = new Set(
      rows.filter((row) => row.targetCollection === 'media').map((row) => row.documentId),
    )
    const found: { collection: ContentCollection; id: string }[] = []
    for (const id of ids) {
      const names = id ? await mediaFileNames(this.options.payload, id) : null
      if (!names) return null
      const users = entriesShowingFiles(this.live.state.content, names)
      if (users.length === 0) return null
      found.push(...users)
    }
    return found
  }

  /**
   * Brings the live site to the whole published content (a media edit, the start, a failed start's retry).
   */
  private async resync(reason: string): Promise<UpdateResult> {
    const { changes, siteChanged } = await changesToResync(
      this.options.payload,
      this.live.state.content,
    )
    if (siteChanged) this.startFullBuild('网站设置已修改')
    return this.apply(changes, reason)
  }

  /** One update of `live` (the live site unless a full build replays), reported as it ends. */
  private async apply(
    changes: EntryChange[],
    task: string,
    live: LiveSite = this.live,
  ): Promise<UpdateResult> {
    const { result, changed } = await applyUpdate(live, changes, task, {
      mediaDir: this.options.mediaDir,
      faultMarker: this.options.faultMarker,
      noSpaceWhile: this.options.noSpaceWhile,
      log: this.log,
      onStart: () => void this.status.working(task),
    })
    if (result.changes === 0) return result
    if (live === this.live) this.builds.noteApplied(changed)
    const skipped = result.skipped.map((page) => `${page.path}：${page.reason}`)
    void this.status.done({
      lastUpdate: {
        at: new Date().toISOString(),
        durationMs: Math.round(result.milliseconds),
        pages: result.pages + result.removed,
        changes: result.changes,
      },
      ...(skipped.length > 0 && {
        lastError: {
          at: new Date().toISOString(),
          message: `跳过 ${skipped.length} 个无法写入的页面：\n${skipped.join('\n')}`,
        },
      }),
    })
    const { plan, render, write } = result.timings
    this.log(
      `${task}：${result.pages} 页更新、${result.removed} 页删除、${result.files} 个文件、${result.shards} 个索引分片，` +
        `${Math.round(result.milliseconds)} ms（比对 ${plan}，渲染并暂存 ${result.pages} 页 ${render}，上线 ${write}）`,
    )
    this.options.onUpdate?.(result)
    return result
  }

  private merging: Promise<number | null> | null = null
  private mergeRetryAt = 0

  /**
   * One step of merging the search delta into the shards, when no update runs (the idle poll
   * calls it until the delta is gone). Resolves with the shards written, null when none waited.
   */
  mergeSearch(): Promise<number | null> {
    this.merging ??= this.exclusive(async () => {
      const live = this.live
      if (!live?.search.hasDelta) return null
      return mergeSearchStep(live, { log: this.log, noSpaceWhile: this.options.noSpaceWhile })
    })
      .catch((error: Error) => {
        this.mergeRetryAt = Date.now() + 10_000
        this.log(`合并搜索索引增量失败，10 秒后重试：${error.message}`)
        return null
      })
      .finally(() => {
        this.merging = null
      })
    return this.merging
  }

  /** Starts a full build in the background unless one runs (it is then followed by none). */
  startFullBuild(reason: string): void {
    this.builds.start(reason)
  }

  /** Waits for a full build started in the background, if any. */
  async settled(): Promise<void> {
    await this.builds.settled()
  }

  /**
   * Builds a new release from a snapshot of the published content, replays what was published
   * while it built, and swaps it in. Queue rows older than the snapshot are then done.
   */
  async fullBuild(reason: string): Promise<void> {
    await this.builds.run(reason)
  }
}
