import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { fileOfPath } from '../../shared/siteFiles/urlToFile'
import { WarmRenderer } from '../server/warmRenderer'
import { buildTimeIndex } from '../src/cms/buildTimeIndex'
import { fileFamilies } from '../src/feeds/generatedFiles'
import { astroRendersPages } from '../src/routes/pageRendering'
import { allPageRoutes, type PageRoute } from '../src/routes/pageRoutes'
import { knownPageMedia, recordPageMedia } from './pageMedia'

/** Pages in flight per thread: enough to keep each busy, few enough to hold little in memory. */
const perThread = 64

/**
 * Renders the content pages on every core. Astro's static generation runs in one thread; here
 * the build leaves the route table's pages out (`pageRendering.ts`) and, once it is done, renders
 * them through the warm renderer it has just emitted (the on-demand route pages/render/) on one
 * worker thread per core, each thread writing the pages it renders. Runs before the integrations
 * that read the pages (copyUsedMedia), and records the media the pages refer to for it.
 *
 * Making a file in a new folder costs this machine's file system far more kernel time than
 * writing it (inode allocation): the pages' folders are made by a low-priority helper process
 * while Astro bundles (one core is mostly idle then), not by the render threads.
 */
export function pagesOnWorkers(): AstroIntegration {
  let renderDir = ''
  let outDir = ''
  let site: URL | undefined
  let routes: Promise<PageRoute[]> | undefined
  let folders: ReturnType<typeof makeFoldersMeanwhile> | undefined
  return {
    name: 'hongse:pages-on-workers',
    hooks: {
      // Only a build renders on threads: `astro dev` and `astro preview` keep Astro's rendering.
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') process.env.SITE_PAGE_RENDERER = 'astro'
      },
      'astro:config:done': ({ config }) => {
        renderDir = fileURLToPath(config.build.server)
        outDir = path.resolve(fileURLToPath(config.outDir))
        site = config.site ? new URL(config.site) : undefined
      },
      // Astro has emptied the output folder by now (before its first bundle).
      'astro:build:setup': () => {
        if (astroRendersPages() || routes) return
        routes = buildTimeIndex().then((index) => allPageRoutes(index))
        folders = makeFoldersMeanwhile(routes, outDir)
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (astroRendersPages()) return
        const started = performance.now()
        if (path.resolve(fileURLToPath(dir)) !== outDir)
          throw new Error(`pages-on-workers: output folder ${fileURLToPath(dir)} is not ${outDir}`)
        const threads = Math.max(1, Math.min(8, os.availableParallelism()))
        const index = await buildTimeIndex()
        const pageRoutes = await (routes ?? allPageRoutes(index))
        const renderer = await WarmRenderer.start(renderDir, threads)
        const known = knownPageMedia(outDir)
        let next = 0
        const work = async () => {
          while (next < pageRoutes.length) {
            const route = pageRoutes[next++]
            const file = fileOfPath(outDir, route.path)
            recordPageMedia(known, file, await renderer.writePage(route, index.site, file))
          }
        }
        try {
          const pages = Promise.all(Array.from({ length: threads * perThread }, work))
          // The per-document files are plain functions of the content: written here meanwhile.
          let files = 0
          try {
            files = await writeFileFamilies(index, outDir, site, (file, text) =>
              recordPageMedia(known, file, [text]),
            )
          } finally {
            await pages
          }
          logger.info(`${files} lecture and sitemap files written`)
        } finally {
          folders?.stop()
          await renderer.close()
        }
        const seconds = (performance.now() - started) / 1000
        logger.info(
          `${pageRoutes.length} pages rendered on ${threads} threads in ${seconds.toFixed(1)} s (${Math.round(pageRoutes.length / seconds)} pages/s)`,
        )
      },
    },
  }
}

/**
 * Writes every file of every file family (as their Astro endpoints would); returns how many. It
 * lets the event loop run between files, so the render threads' replies are answered with more
 * pages meanwhile.
 */
async function writeFileFamilies(
  index: Awaited<ReturnType<typeof buildTimeIndex>>,
  outDir: string,
  site: URL | undefined,
  written: (file: string, text: string) => void,
): Promise<number> {
  let count = 0
  for (const family of fileFamilies)
    for (const route of family.routes(index)) {
      if (count % 20 === 0) await new Promise((resolve) => setImmediate(resolve))
      const file = fileOfPath(outDir, route.path)
      const text = family.render(route.props, site)
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, text)
      written(file, text)
      count++
    }
  return count
}

/**
 * Makes the folders of the pages' files in a helper process at the lowest CPU priority (it then
 * takes only the CPU the bundling leaves idle); `stop` ends it (the pages are written: any folder
 * left is made by its render thread).
 */
function makeFoldersMeanwhile(routes: Promise<PageRoute[]>, outDir: string) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./makeFolders.mjs', import.meta.url))],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  )
  try {
    os.setPriority(child.pid!, os.constants.priority.PRIORITY_LOW)
  } catch {
    // not permitted here: it runs at normal priority
  }
  child.on('error', () => {}) // a helper that fails only leaves the folders to the render threads
  routes.then(
    (list) => {
      const folders = new Set<string>()
      for (const route of list) {
        try {
          folders.add(path.dirname(fileOfPath(outDir, route.path)))
        } catch {
          // a path no file can have: its render thread reports it
        }
      }
      if (child.connected) child.send({ folders: [...folders] }, () => {})
    },
    () => child.kill(),
  )
  return { stop: () => child.kill() }
}
