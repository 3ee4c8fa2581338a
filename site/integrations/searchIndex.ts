import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { AstroIntegration } from 'astro'
import { buildSearchIndex, writeIndex, type BuiltSearchIndex } from '../../shared/search/buildIndex'
import { searchDocumentsFromSiteContent } from '../../shared/search/siteDocuments'
import { readSiteContent } from '../src/cms/readSiteContent'
import { searchUrls } from '../src/lib/urls'

/** What the index build reports back. */
interface IndexStats {
  documents: number
  shards: number
  terms: number
  postings: number
  shardBytes: number
  buildSeconds: number
  writeSeconds: number
}

type IndexMessage = { written: IndexStats } | { error: string }

/**
 * Runs in a child process: reads the published-content export the pages are built from (the same
 * `readSiteContent`, so the same file or CMS), builds the index, and writes it into the folder the
 * build names (once Astro has emptied the output folder), then reports and ends.
 */
export async function runSearchIndexProcess(): Promise<void> {
  // Orphaned (the build failed or was stopped): stop too.
  process.once('disconnect', () => process.exit(1))
  const report = (message: IndexMessage) =>
    new Promise<void>((resolve) => process.send!(message, () => resolve()))
  const folder = new Promise<string>((resolve) =>
    process.once('message', (message: { writeTo: string }) => resolve(message.writeTo)),
  )
  try {
    const started = performance.now()
    const content = await readSiteContent()
    const index: BuiltSearchIndex = buildSearchIndex(
      searchDocumentsFromSiteContent(content, searchUrls),
    )
    const buildSeconds = (performance.now() - started) / 1000
    const dir = await folder
    const writing = performance.now()
    writeIndex(index, dir)
    await report({
      written: {
        documents: index.manifest.docCount,
        shards: index.manifest.shardCount,
        terms: index.stats.termCount,
        postings: index.stats.postingCount,
        shardBytes: index.stats.shardBytes,
        buildSeconds,
        writeSeconds: (performance.now() - writing) / 1000,
      },
    })
  } catch (error) {
    await report({ error: (error as Error).stack ?? String(error) })
  }
  process.removeAllListeners('disconnect')
  process.disconnect()
}

/**
 * Starts `runSearchIndexProcess` in a child process (Node with tsx's loader, as every script here
 * runs), at normal priority: it shares the cores with the page rendering. At the lowest priority
 * it got almost nothing while the pages rendered and then ran alone for ~3.5 s after them.
 */
function startIndexProcess() {
  const require = createRequire(import.meta.url)
  const tsx = pathToFileURL(require.resolve('tsx')).href
  const child = spawn(
    process.execPath,
    [
      '--import',
      tsx,
      '--input-type=module',
      '--eval',
      `await (await import(${JSON.stringify(import.meta.url)})).runSearchIndexProcess()`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: process.env },
  )
  const written = new Promise<IndexStats>((resolve, reject) => {
    child.once('message', (message: IndexMessage) =>
      'error' in message ? reject(new Error(message.error)) : resolve(message.written),
    )
    child.once('error', reject)
    child.once('exit', (code, signal) =>
      reject(new Error(`search index build ended (${signal ?? code}) without writing the index`)),
    )
  })
  written.catch(() => {}) // reported when awaited at build:done
  let folder: string | undefined
  return {
    /** Where to write the index (once: the output folder is emptied by then). */
    writeTo(dir: string) {
      if (folder) return
      folder = dir
      child.send({ writeTo: dir })
    },
    /** The figures, once the index is written. */
    done: () => written,
  }
}

/** Where the header box's code is built to: a stable URL, which the inline loader in Header.astro imports. */
export const searchBoxScript = 'search/box.js'

/**
 * Adds the header search box's client code (SearchBoxHydrate.ts) to the client build as its own
 * entry at a fixed path. Pages load it with a one-line inline script on the box's first focus or
 * keystroke, instead of through an Astro island, whose 1.8 KB gzipped runtime every page would
 * carry (the exhibition overview would exceed its 12 KB HTML budget). Its imports (React) are the
 * content-hashed chunks the /search/ page's island shares.
 */
function searchBoxEntry() {
  const entry = fileURLToPath(new URL('../src/components/SearchBoxHydrate.ts', import.meta.url))
  return {
    name: 'hongse:search-box-entry',
    apply: 'build' as const,
    applyToEnvironment: (environment: { name: string }) => environment.name === 'client',
    buildStart(this: { emitFile(file: { type: 'chunk'; id: string; fileName: string }): string }) {
      this.emitFile({ type: 'chunk', id: entry, fileName: searchBoxScript })
    },
  }
}

/**
 * The site search (shared/search): builds the index from the published content at build time and
 * writes it to `dist/search/` (manifest.json, shards/, docs/), next to the /search/ page and the
 * header box's script. The index is built and written by a child process from the
 * start of `astro build`, beside bundling and page rendering, so it adds little to the build's
 * wall time.
 */
export function searchIndex(): AstroIntegration {
  let job: ReturnType<typeof startIndexProcess> | undefined
  let searchDir = ''
  return {
    name: 'hongse:search-index',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [searchBoxEntry()] } })
      },
      'astro:config:done': ({ config }) => {
        searchDir = path.join(fileURLToPath(config.outDir), 'search')
      },
      'astro:build:start': () => {
        job = startIndexProcess()
      },
      // Astro has emptied the output folder by now: the index may be written while pages render.
      'astro:build:setup': () => {
        job?.writeTo(searchDir)
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!job) return
        const outDir = path.join(fileURLToPath(dir), 'search')
        job.writeTo(outDir)
        const stats = await job.done()
        if (!fs.existsSync(path.join(outDir, 'manifest.json')))
          throw new Error(`search index: no ${path.join(outDir, 'manifest.json')} after the build`)
        const megabytes = (stats.shardBytes / 1024 / 1024).toFixed(1)
        logger.info(
          `search index: ${stats.documents} documents, ${stats.terms} terms, ${stats.shards} shards (${megabytes} MB), built in ${stats.buildSeconds.toFixed(1)} s and written in ${stats.writeSeconds.toFixed(1)} s beside the pages`,
        )
      },
    },
  }
}
