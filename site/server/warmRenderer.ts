/**
 * The warm renderer: the on-demand page route of a site build (pages/render/), loaded once into
 * worker threads (renderWorker.mjs) and called with each page's route and the site settings, so
 * pages come out exactly as Astro's static rendering of the same build makes them. Pages are
 * spread over the workers (one per core by default): the build renders every content page this
 * way (integrations/pagesOnWorkers.ts), the publisher the pages of each update.
 */
import os from 'node:os'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { mediaReference } from '../../shared/siteFiles/mediaNames'
import type { SiteSettings } from '../../shared/siteContent'
import type { PageRoute } from '../src/routes/pageRoutes'

export class RenderError extends Error {}

type Reply = {
  id: number
  html?: string
  /** The media references of a page written to a file. */
  media?: string[]
  error?: string
  /** Writing the file failed (with the file system's error code). */
  writeError?: string
  code?: string
}

/** A written page's file could not be written; `code` is the file system's (ENAMETOOLONG…). */
export class PageWriteError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message)
  }
}

/** A page for a thread to render, as it travels (in a batch). */
type PageRequest = { id: number; route: PageRoute; writeTo?: string }

type Waiting = {
  resolve: (reply: Reply) => void
  reject: (error: Error) => void
  path: string
}

/**
 * One render thread. Pages go to it in batches: those asked for in the same turn of the event loop
 * travel in one message, with the site settings once per batch rather than once per page, and its
 * replies come back in groups (renderWorker.mjs). A message between threads costs a wake-up of the
 * other thread and, per page, a copy of the settings: ~7 % of a full build's CPU.
 */
class RenderThread {
  private pending = new Map<number, Waiting>()
  private sequence = 0
  private batch: PageRequest[] = []
  private batchSite: SiteSettings | undefined
  /** Set once the thread crashed or exited: it takes no more pages. */
  dead: Error | null = null
  /** Pages it has answered (rendered or failed). */
  answered = 0

  private constructor(private worker: Worker) {
    worker.on('message', (replies: Reply[]) => {
      for (const reply of replies) this.answer(reply)
    })
    worker.on('error', (error) => this.die(error))
    worker.on('exit', (code) => this.die(new Error(`渲染线程已退出（${code}）`)))
  }

  static start(entryUrl: string): Promise<RenderThread> {
    const worker = new Worker(new URL('./renderWorker.mjs', import.meta.url), {
      execArgv: [],
      workerData: { entryUrl, mediaPattern: mediaReference.source },
    })
    return new Promise((resolve, reject) => {
      worker.once('message', () => resolve(new RenderThread(worker)))
      worker.once('error', reject)
    })
  }

  private answer(reply: Reply): void {
    const waiting = this.pending.get(reply.id)
    if (!waiting) return
    this.pending.delete(reply.id)
    this.answered++
    if (reply.error !== undefined)
      waiting.reject(new RenderError(`渲染 ${waiting.path} 失败（${reply.error}）`))
    else if (reply.writeError !== undefined)
      waiting.reject(new PageWriteError(reply.writeError, reply.code))
    else waiting.resolve(reply)
  }

  get load(): number {
    return this.pending.size
  }

  render(route: PageRoute, site: SiteSettings, writeTo?: string): Promise<Reply> {
    if (this.dead) return Promise.reject(this.dead)
    // One batch, one site: a page with other settings sends the batch so far first.
    if (this.batch.length > 0 && site !== this.batchSite) this.sendBatch()
    if (this.batch.length === 0) queueMicrotask(() => this.sendBatch())
    this.batchSite = site
    const id = ++this.sequence
    this.batch.push({ id, route, writeTo })
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, path: route.path })
    })
  }

  private sendBatch(): void {
    if (this.batch.length === 0) return
    const pages = this.batch
    this.batch = []
    // A thread that died has already failed these pages (die).
    if (!this.dead) this.worker.postMessage({ site: this.batchSite, pages })
  }

  private die(error: Error): void {
    this.dead ??= error
    for (const waiting of this.pending.values()) waiting.reject(error)
    this.pending.clear()
  }

  close(): Promise<number> {
    return this.worker.terminate()
  }
}

export class WarmRenderer {
  private closed = false

  private constructor(
    private threads: RenderThread[],
    private entryUrl: string,
  ) {}

  /** Loads `<renderDir>/entry.mjs` (built by `astro build` beside the static output) into `threads` workers. */
  static async start(
    renderDir: string,
    threads = Math.max(1, Math.min(4, os.availableParallelism())),
  ): Promise<WarmRenderer> {
    const entryUrl = pathToFileURL(`${renderDir}/entry.mjs`).href
    return new WarmRenderer(
      await Promise.all(Array.from({ length: threads }, () => RenderThread.start(entryUrl))),
      entryUrl,
    )
  }

  /**
   * Renders on the least busy thread. A thread that died (its pages of the running update fail,
   * and the update is retried) is replaced first, so one crash cannot stall the publisher.
   */
  async renderPage(route: PageRoute, site: SiteSettings): Promise<string> {
    return (await this.send(route, site)).html!
  }

  /**
   * Renders a page straight into `file` (on the worker thread: the HTML stays there) and
   * resolves with the page's media references (`/media/…`, see collectMediaReferences). A file
   * that cannot be written rejects with a PageWriteError.
   */
  async writePage(route: PageRoute, site: SiteSettings, file: string): Promise<string[]> {
    return (await this.send(route, site, file)).media ?? []
  }

  /** Pages each current thread has answered (a replaced thread starts again at 0). */
  get pagesPerThread(): number[] {
    return this.threads.map((thread) => thread.answered)
  }

  private async send(route: PageRoute, site: SiteSettings, writeTo?: string): Promise<Reply> {
    if (!this.closed && this.threads.some((thread) => thread.dead)) await this.replaceDeadThreads()
    // The least busy thread is picked and given the page in one step (no await between): a burst
    // of pages (an update's thousands) is then spread over all threads, not piled on the first.
    const idlest = this.threads.reduce((idlest, candidate) =>
      candidate.load < idlest.load ? candidate : idlest,
    )
    return idlest.render(route, site, writeTo)
  }

  private replacing: Promise<void> | null = null

  private replaceDeadThreads(): Promise<void> {
    this.replacing ??= (async () => {
      try {
        this.threads = await Promise.all(
          this.threads.map((thread) => (thread.dead ? RenderThread.start(this.entryUrl) : thread)),
        )
      } finally {
        this.replacing = null
      }
    })()
    return this.replacing
  }

  /** Renders `routes` once on every thread, so each has its code loaded and optimised. */
  async warmUp(routes: PageRoute[], site: SiteSettings): Promise<void> {
    await Promise.all(
      this.threads.map(async (thread) => {
        for (const route of routes) await thread.render(route, site)
      }),
    )
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.threads.map((thread) => thread.close()))
  }
}
