/**
 * Full builds: a snapshot of the published content is built into a new release folder (by
 * `astro build`, in the background, while updates go on in the live release), the documents
 * published meanwhile are replayed into it, and it is swapped in by symlink. Queue rows older than
 * the snapshot are then done. A failed build keeps the live release and is retried after a pause
 * that grows (a broken build is not looped).
 */
import type { Payload } from 'payload'
import { exportSiteContent } from '../cms/export/exportSiteContent'
import type { SiteChange } from '../cms/payload-types'
import type { LiveSite } from './liveSite'
import type { FullBuildResult } from './messages'
import type { Release, Releases } from './releases'
import type { ContentCollection, EntryChange } from './siteState'
import type { StatusReporter } from './statusReporter'

export interface FullBuildSite {
  payload: Payload
  releases: Releases
  status: StatusReporter
  log: (message: string) => void
  exclusive: <T>(task: () => Promise<T>) => Promise<T>
  /** Opens a release for updates (its warm renderer, state and index). */
  open: (release: Release) => Promise<LiveSite>
  live: () => LiveSite | undefined
  /** Applies changes to a release not yet live (the replay). */
  apply: (live: LiveSite, changes: EntryChange[], task: string) => Promise<unknown>
  /** Makes `next` the live site once its release is swapped in. */
  becameLive: (next: LiveSite) => Promise<void>
  forget: (rows: SiteChange[]) => Promise<void>
  onBuilt?: (result: FullBuildResult) => void
}

export class FullBuilds {
  private building: Promise<void> | null = null
  private failures = 0
  private nextAttempt = 0
  lastBuiltAt = 0
  /** While a build runs: documents changed after its snapshot, to replay before the swap. */
  private changedSinceSnapshot: Map<string, { collection: ContentCollection; id: string }> | null =
    null

  constructor(private site: FullBuildSite) {}

  get running(): boolean {
    return this.building !== null
  }

  /** Notes changes applied to the live release while a build runs (it replays them). */
  noteApplied(changes: EntryChange[]): void {
    if (!this.changedSinceSnapshot) return
    for (const change of changes)
      this.changedSinceSnapshot.set(`${change.collection}:${change.id}`, {
        collection: change.collection,
        id: change.id,
      })
  }

  /** Starts a build in the background unless one runs (it is then followed by none) or a retry waits. */
  start(reason: string): void {
    if (this.building || Date.now() < this.nextAttempt) return
    this.building = this.run(reason)
      .then(() => {
        this.failures = 0
      })
      .catch(async (error) => {
        // Its request stays queued; retried after a pause that grows.
        this.failures++
        this.nextAttempt =
          Date.now() + Math.min(3600_000, 30_000 * 2 ** Math.min(this.failures - 1, 7))
        this.site.log(`全量构建失败：${(error as Error).message}`)
        this.site.status.buildEnded()
        await this.site.status.failed(`全量构建失败：${(error as Error).message}`)
      })
      .finally(() => {
        this.building = null
      })
  }

  /** Waits for a build started in the background, if any. */
  async settled(): Promise<void> {
    await this.building
  }

  /** Builds and swaps in a new release now (throws when the build fails). */
  async run(reason: string): Promise<void> {
    const { payload, releases, status, log, exclusive } = this.site
    const started = Date.now()
    const { snapshot, requests } = await exclusive(async () => {
      // Every row waiting now is covered by the snapshot taken next: done once the build is live.
      const pending = (
        await payload.find({
          collection: 'site-changes',
          overrideAccess: true,
          depth: 0,
          pagination: false,
        })
      ).docs
      const content = await exportSiteContent(payload)
      this.changedSinceSnapshot = new Map()
      return { snapshot: content, requests: pending }
    })
    await status.buildStarted(`全量构建（${reason}）`)
    log(`全量构建开始（${reason}）`)
    let release: Release
    try {
      release = await releases.build(snapshot, reason)
    } catch (error) {
      this.changedSinceSnapshot = null
      status.buildEnded()
      throw error
    }
    await exclusive(async () => {
      let next: LiveSite | undefined
      try {
        next = await this.site.open(release)
        const live = this.site.live()
        const replay = [...(this.changedSinceSnapshot?.values() ?? [])].map(
          ({ collection, id }) => ({
            collection,
            id,
            entry:
              ((live?.state.content[collection] ?? []) as EntryChange['entry'][]).find(
                (entry) => entry?.id === id,
              ) ?? null,
          }),
        )
        if (replay.length > 0)
          await this.site.apply(next, replay, `重放构建期间的 ${replay.length} 项发布`)
      } catch (error) {
        this.changedSinceSnapshot = null
        status.buildEnded()
        await next?.renderer.close()
        throw error
      }
      releases.swap(release)
      this.changedSinceSnapshot = null
      this.lastBuiltAt = Date.now()
      status.buildEnded()
      await this.site.becameLive(next)
      if (requests.length > 0) await this.site.forget(requests)
      const info = release.info()!
      const result: FullBuildResult = {
        reason,
        pages: info.pages,
        milliseconds: Date.now() - started,
      }
      await status.done({
        lastFullBuild: {
          at: new Date().toISOString(),
          durationMs: result.milliseconds,
          pages: result.pages,
          reason,
        },
      })
      log(`全量构建完成：${info.pages} 页，${(result.milliseconds / 1000).toFixed(1)} 秒`)
      this.site.onBuilt?.(result)
    })
  }
}
