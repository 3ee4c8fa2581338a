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
import type { SiteSettings } from '../../shared/siteContent'
import type { PageRoute } from '../src/routes/pageRoutes'

export class RenderError extends Error {}

type Reply = { id: number; html?: string; error?: string }

class RenderThread {
  private pending = new Map<
    number,
    { resolve: (html: string) => void; reject: (error: Error) => void; path: string }
  >()
  private sequence = 0
  /** Set once the thread crashed or exited: it takes no more pages. */
  dead: Error | null = null

  private constructor(private worker: Worker) {
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id)
      if (!waiting) return
      this.pending.delete(reply.id)
      if (reply.error !== undefined)
        waiting.reject(new RenderError(`渲染 ${waiting.path} 失败（${reply.error}）`))
      else waiting.resolve(reply.html!)
    })
    worker.on('error', (error) => this.die(error))
    worker.on('exit', (code) => this.die(new Error(`渲染线程已退出（${code}）`)))
  }

  static start(entryUrl: string): Promise<RenderThread> {
    const worker = new Worker(new URL('./renderWorker.mjs', import.meta.url), {
      execArgv: [],
      workerData: { entryUrl },
    })
    return new Promise((resolve, reject) => {
      worker.once('message', () => resolve(new RenderThread(worker)))
      worker.once('error', reject)
    })
  }

  get load(): number {
    return this.pending.size
  }

  render(route: PageRoute, site: SiteSettings, writeTo?: string): Promise<string> {
    if (this.dead) return Promise.reject(this.dead)
    const id = ++this.sequence
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, path: route.path })
      this.worker.postMessage({ id, route, site, writeTo })
    })
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
    return (await this.idlestThread()).render(route, site)
  }

  /** Renders a page straight into `file` (on the worker thread: the HTML stays there). */
  async writePage(route: PageRoute, site: SiteSettings, file: string): Promise<void> {
    await (await this.idlestThread()).render(route, site, file)
  }

  private async idlestThread(): Promise<RenderThread> {
    if (!this.closed && this.threads.some((thread) => thread.dead)) await this.replaceDeadThreads()
    return this.threads.reduce((idlest, candidate) =>
      candidate.load < idlest.load ? candidate : idlest,
    )
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
