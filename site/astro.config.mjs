import node from '@astrojs/node'
import react from '@astrojs/react'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, sessionDrivers } from 'astro/config'
import { copyUsedMedia } from './integrations/copyUsedMedia.ts'
import { redirectFilesIntegration } from './integrations/redirectFiles.ts'
import { lectureScripts } from './integrations/lectureScripts.ts'
import { pagesOnWorkers } from './integrations/pagesOnWorkers.ts'
import { renderDependencies } from './integrations/renderDependencies.ts'
import { searchIndex } from './integrations/searchIndex.ts'
import { searchOnPreact } from './integrations/searchOnPreact.ts'
import { shareCard } from './integrations/shareCard.ts'

/**
 * The public site: static HTML from the CMS export, React only for islands that need it (the
 * search box, hydrated on first focus, and the search page): rendered by React on the server, run
 * by Preact (preact/compat) in the browser (see searchOnPreact). The content pages are rendered
 * after Astro's own generation, on a worker thread per core (pagesOnWorkers), before copyUsedMedia
 * scans them; searchIndex comes after copyUsedMedia, so the media scan never reads the index's
 * files.
 *
 * The same build also emits the publisher's warm renderer: the on-demand route pages/render/ (Node
 * adapter, middleware mode) rendering the same views. The static site goes to SITE_OUT_DIR
 * (default site/dist/), the renderer's server code beside it in `<SITE_OUT_DIR>.render/` (never
 * inside the folder that is served), the build cache in `<SITE_OUT_DIR>.cache/`.
 */
const outDir = path.resolve(
  process.env.SITE_OUT_DIR || fileURLToPath(new URL('./dist/', import.meta.url)),
)

export default defineConfig({
  outDir,
  // Each output has its own cache (content data store, Vite): builds into different folders (tests,
  // the publisher's releases) can then run at the same time.
  cacheDir: `${outDir}.cache`,
  // The render route answers only the publisher, which wants each page whole: no streaming.
  adapter: node({ mode: 'middleware', experimentalDisableStreaming: true }),
  session: { driver: sessionDrivers.memory() },
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    inlineStylesheets: 'never',
    concurrency: 4,
    client: './',
    server: `../${path.basename(outDir)}.render/`,
  },
  compressHTML: true,
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [
    react(),
    searchOnPreact(),
    renderDependencies(),
    lectureScripts(),
    pagesOnWorkers(),
    copyUsedMedia(),
    searchIndex(),
    redirectFilesIntegration(),
    shareCard(),
  ],
})
