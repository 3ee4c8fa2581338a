import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { fileOfPath } from '../../shared/siteFiles/urlToFile'
import { WarmRenderer } from '../server/warmRenderer'
import { fileFamilies } from '../src/feeds/generatedFiles'
import { astroRendersPages } from '../src/routes/pageRendering'
import { allPageRoutes } from '../src/routes/pageRoutes'
import { buildTimeIndex } from './buildTimeIndex'

/** Pages in flight per thread: enough to keep each busy, few enough to hold little in memory. */
const perThread = 16

/**
 * Renders the content pages on every core. Astro's static generation runs in one thread; here
 * the build leaves the route table's pages out (`pageRendering.ts`) and, once it is done, renders
 * them through the warm renderer it has just emitted (the on-demand route pages/render/) on one
 * worker thread per core, each thread writing the pages it renders. Runs before the integrations
 * that read the pages (copyUsedMedia).
 */
export function pagesOnWorkers(): AstroIntegration {
  let renderDir = ''
  let site: URL | undefined
  return {
    name: 'hongse:pages-on-workers',
    hooks: {
      // Only a build renders on threads: `astro dev` and `astro preview` keep Astro's rendering.
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') process.env.SITE_PAGE_RENDERER = 'astro'
      },
      'astro:config:done': ({ config }) => {
        renderDir = fileURLToPath(config.build.server)
        site = config.site ? new URL(config.site) : undefined
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (astroRendersPages()) return
        const started = performance.now()
        const outDir = path.resolve(fileURLToPath(dir))
        const index = await buildTimeIndex()
        const routes = allPageRoutes(index)
        const threads = Math.max(1, Math.min(8, os.availableParallelism()))
        const renderer = await WarmRenderer.start(renderDir, threads)
        let next = 0
        const work = async () => {
          while (next < routes.length) {
            const route = routes[next++]
            await renderer.writePage(route, index.site, fileOfPath(outDir, route.path))
          }
        }
        try {
          const pages = Promise.all(Array.from({ length: threads * perThread }, work))
          // The per-document files are plain functions of the content: written here meanwhile.
          let files = 0
          try {
            files = writeFileFamilies(index, outDir, site)
          } finally {
            await pages
          }
          logger.info(`${files} lecture and sitemap files written`)
        } finally {
          await renderer.close()
        }
        const seconds = (performance.now() - started) / 1000
        logger.info(
          `${routes.length} pages rendered on ${threads} threads in ${seconds.toFixed(1)} s (${Math.round(routes.length / seconds)} pages/s)`,
        )
      },
    },
  }
}

/** Writes every file of every file family (as their Astro endpoints would); returns how many. */
function writeFileFamilies(
  index: Awaited<ReturnType<typeof buildTimeIndex>>,
  outDir: string,
  site: URL | undefined,
): number {
  let written = 0
  for (const family of fileFamilies)
    for (const route of family.routes(index)) {
      const file = fileOfPath(outDir, route.path)
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, family.render(route.props, site))
      written++
    }
  return written
}
