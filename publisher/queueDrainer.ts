/**
 * Reads the `site-changes` queue (rows CMS hooks write with each public change) and hands what
 * waits to the publisher: requests for a full build, and document changes, all taken together in
 * one update. A row is deleted only after its update is live. Any failure (the database, a
 * rejected write, a refused file) leaves the rows queued and is retried after a pause that grows;
 * nothing here ends the process.
 */
import type { Payload } from 'payload'
import type { SiteChange } from '../cms/payload-types'
import type { UpdateResult } from './messages'

export interface QueueHandlers {
  /** A rebuild request or a settings change is waiting (the build forgets those rows itself). */
  requestFullBuild(reason: string): void
  /** Applies waiting document changes (all of them, in one update); throws to keep them queued. */
  applyDocuments(rows: SiteChange[]): Promise<UpdateResult | null>
  /** True when there is work besides the rows (a resync the start could not finish). */
  hasPendingWork(): boolean
  /** After a failure: `retryInMs` until the next attempt. */
  failed(error: Error, retryInMs: number): Promise<void>
  /** Runs after each poll (the periodic consistency build). */
  idle(): void
}

/** Pause before retry number `failures` (1 s doubling, at most a minute). */
export const retryPause = (failures: number) => Math.min(60_000, 1000 * 2 ** Math.min(failures, 6))

export class QueueDrainer {
  private timer: NodeJS.Timeout | undefined
  private stopped = false
  private failures = 0
  private nextAttempt = 0

  constructor(
    private payload: Payload,
    private handlers: QueueHandlers,
    /** Runs a task when no other update of the site runs. */
    private exclusive: <T>(task: () => Promise<T>) => Promise<T>,
  ) {}

  /** Takes every waiting change and applies it in one update. Returns what it did, or null. */
  async drain(): Promise<UpdateResult | null> {
    if (Date.now() < this.nextAttempt) return null
    return this.exclusive(async () => {
      try {
        const rows = await this.waiting()
        if (rows.length === 0 && !this.handlers.hasPendingWork()) return null
        const rebuilds = rows.filter((row) => row.kind === 'rebuild' || row.kind === 'site')
        if (rebuilds.length > 0)
          this.handlers.requestFullBuild(
            rebuilds.some((row) => row.kind === 'rebuild') ? '编辑请求全部重建' : '网站设置已修改',
          )
        const documents = rows.filter((row) => row.kind === 'document')
        if (documents.length === 0 && !this.handlers.hasPendingWork()) return null
        const result = await this.handlers.applyDocuments(documents)
        await this.forget(documents)
        this.failures = 0
        return result
      } catch (error) {
        this.failures++
        const pause = retryPause(this.failures)
        this.nextAttempt = Date.now() + pause
        await this.handlers.failed(error instanceof Error ? error : new Error(String(error)), pause)
        return null
      }
    })
  }

  /** Every waiting row, oldest first. */
  async waiting(): Promise<SiteChange[]> {
    return (
      await this.payload.find({
        collection: 'site-changes',
        overrideAccess: true,
        depth: 0,
        // All of them: a bulk write (an import) committed at once is published as one update.
        limit: 0,
        sort: 'createdAt',
        pagination: false,
      })
    ).docs
  }

  async forget(rows: SiteChange[]): Promise<void> {
    // In slices: an import's thousands of rows stay under the database's parameter limits.
    // Straight to the adapter: the Local API deletes (and reads back) row by row; the queue's
    // rows have no hooks to run.
    for (let start = 0; start < rows.length; start += 1000) {
      await this.payload.db.deleteMany({
        collection: 'site-changes',
        where: { id: { in: rows.slice(start, start + 1000).map((row) => row.id) } },
      })
    }
  }

  /** Skips the pause before the next retry. */
  retryNow(): void {
    this.nextAttempt = 0
  }

  /** Polls the queue every `interval` ms until `stop`. */
  watch(interval: number): void {
    const loop = async () => {
      if (this.stopped) return
      try {
        await this.drain()
        this.handlers.idle()
      } catch {
        // drain reports its own failures; nothing may stop the loop
      }
      if (!this.stopped) this.timer = setTimeout(loop, interval)
    }
    this.timer = setTimeout(loop, 0)
  }

  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
  }
}
