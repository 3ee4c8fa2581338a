/**
 * Writes the publisher's state to the `site-status` global the 网站状态 panel reads. Writes go
 * out one after another, in order, so a late "working" can never overwrite the "done" after it;
 * a failed write is logged, never thrown (the site matters more than its status line).
 */
import type { Payload } from 'payload'
import type { SiteStatus } from '../cms/payload-types'

export type StatusUpdate = Partial<
  Pick<SiteStatus, 'lastUpdate' | 'lastFullBuild' | 'working' | 'lastError'>
>
type Working = NonNullable<SiteStatus['working']>

const idle: Working = { task: '', since: null }

export class StatusReporter {
  private writes: Promise<void> = Promise.resolve()
  /** The full build running in the background: what "working" shows when an update ends. */
  private buildTask: Working | null = null

  constructor(
    private payload: Payload,
    private log: (message: string) => void,
  ) {}

  working(task: string): Promise<void> {
    return this.write({ working: { task, since: new Date().toISOString() } })
  }

  /** Marks the end of a task, with what it leaves to show. */
  done(update: StatusUpdate = {}): Promise<void> {
    return this.write({ working: idle, ...update })
  }

  failed(message: string): Promise<void> {
    return this.write({ working: idle, lastError: { at: new Date().toISOString(), message } })
  }

  buildStarted(task: string): Promise<void> {
    this.buildTask = { task, since: new Date().toISOString() }
    return this.write({ working: this.buildTask })
  }

  buildEnded(): void {
    this.buildTask = null
  }

  /** Resolves once every write asked for so far is done. */
  flushed(): Promise<void> {
    return this.writes
  }

  private write(data: StatusUpdate): Promise<void> {
    this.writes = this.writes.then(async () => {
      // An update that ends while a full build runs hands "working" back to the build.
      const written =
        data.working?.task === '' && this.buildTask ? { ...data, working: this.buildTask } : data
      try {
        await this.payload.updateGlobal({
          slug: 'site-status',
          data: written,
          overrideAccess: true,
          depth: 0,
        })
      } catch (error) {
        this.log(`状态写入失败：${(error as Error).message}`)
      }
    })
    return this.writes
  }
}
