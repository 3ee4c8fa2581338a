/**
 * `npm run bench:site`: builds the reference corpus (10,000 news, 1,000 lectures with
 * transcripts, 20,000 books, 300 exhibits) on one core (taskset) and then on all of them, and
 * prints for each pages per second, wall time, CPU time and the cores it kept busy, peak memory;
 * then the speed-up, the output size and the HTML/CSS/JS bytes (raw and gzipped) of typical
 * pages. BENCH_SITE_ASTRO=1 also builds with Astro's own one-thread page rendering
 * (SITE_PAGE_RENDERER=astro), for comparison. Asserts nothing.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { runMeasured } from './measureProcessTree'
import { generateReferenceCorpus } from './referenceCorpus'

const root = process.cwd()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-bench-site-'))
/**
 * Each build writes into a folder of its own, and none is deleted before the last build ends:
 * right after ~48,000 files are deleted, creating files here costs several times more kernel time
 * (ext4's inode allocator, `recently_deleted`), which a build into a new release folder does not
 * otherwise pay.
 */
let builds = 0
let outDir = ''

function* walk(folder: string): Generator<string> {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else yield full
  }
}

const gz = (data: Buffer | string) => zlib.gzipSync(data, { level: 9 }).length
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/** HTML, and the CSS and JS it loads (external and inline), raw and gzipped. */
function pageWeight(file: string) {
  const html = fs.readFileSync(file, 'utf8')
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) =>
    fs.readFileSync(path.join(outDir, m[1])),
  )
  const inlineCss = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) =>
    Buffer.from(m[1]),
  )
  const js = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) =>
    fs.readFileSync(path.join(outDir, m[1])),
  )
  const inlineJs = [
    ...html.matchAll(
      /<script(?![^>]*application\/ld\+json)(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g,
    ),
  ].map((m) => Buffer.from(m[1]))
  const sum = (parts: Buffer[]) => ({
    raw: parts.reduce((n, b) => n + b.length, 0),
    gz: parts.reduce((n, b) => n + gz(b), 0),
  })
  return {
    html: { raw: Buffer.byteLength(html), gz: gz(html) },
    css: sum([...css, ...inlineCss]),
    js: sum([...js, ...inlineJs]),
  }
}

console.log(`bench:site (Node ${process.versions.node}, ${os.cpus().length} cores) in ${dir}`)
try {
  const started = performance.now()
  const content = await generateReferenceCorpus(path.join(dir, 'media'))
  const contentFile = path.join(dir, 'site-content.json')
  fs.writeFileSync(contentFile, JSON.stringify(content))
  console.log(
    `  corpus: ${content.news.length} news, ${content.lectures.length} lectures, ${content.books.length} books, ${content.exhibits.length} exhibits (${kb(fs.statSync(contentFile).size)} JSON, generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  )
  const cores = os.availableParallelism()
  /** One build into a fresh output folder; `cpuList` pins it to those cores (taskset). */
  const build = async (label: string, cpuList: string | null, env: Record<string, string> = {}) => {
    fs.rmSync(path.join(root, 'site/.astro'), { recursive: true, force: true })
    outDir = path.join(dir, `dist-${++builds}`)
    const astro = path.join(root, 'node_modules/.bin/astro')
    const args = ['build', '--root', 'site', '--silent']
    const measured = await runMeasured(
      cpuList ? 'taskset' : astro,
      cpuList ? ['-c', cpuList, astro, ...args] : args,
      {
        env: {
          ...process.env,
          SITE_OUT_DIR: outDir,
          SITE_CONTENT_FILE: contentFile,
          MEDIA_DIR: path.join(dir, 'media'),
          SITE_URL: 'https://hongse.example',
          ...env,
        },
      },
    )
    const pages = [...walk(outDir)].filter((file) => file.endsWith('.html')).length
    const busy = measured.cpuSeconds / measured.seconds
    console.log(
      `  ${label.padEnd(34)} ${pages} pages in ${measured.seconds.toFixed(1)} s → ${(pages / measured.seconds).toFixed(0)} pages/s; CPU ${measured.cpuSeconds.toFixed(1)} s, ${busy.toFixed(2)} cores busy; peak RSS ${(measured.peakBytes / 1024 / 1024).toFixed(0)} MB`,
    )
    return { ...measured, pages }
  }
  console.log(
    `  whole \`astro build\` each time (content sync, bundling, pages, search index, media copy):`,
  )
  if (process.env.BENCH_SITE_ASTRO)
    await build("Astro's page rendering, all cores", null, { SITE_PAGE_RENDERER: 'astro' })
  const one = cores > 1 ? await build('pages on workers, 1 core', '0') : null
  const all = await build(`pages on workers, ${cores} cores`, null)
  const { seconds, peakBytes } = all
  if (one)
    console.log(
      `  speed-up on ${cores} cores: ${(one.seconds / all.seconds).toFixed(2)}× (${((one.seconds / all.seconds / cores) * 100).toFixed(0)} % of linear)`,
    )
  const files = [...walk(outDir)]
  const pages = files.filter((file) => file.endsWith('.html'))
  const bytes = files.reduce((n, file) => n + fs.statSync(file).size, 0)
  console.log(
    `  all cores: ${pages.length} pages, ${(pages.length / seconds).toFixed(0)} pages/s, peak memory (process tree RSS) ${(peakBytes / 1024 / 1024).toFixed(0)} MB`,
  )
  console.log(`  output: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`)
  const samples: [string, string][] = [
    ['home', 'index.html'],
    ['news article', `news/${content.news[0].slug}/index.html`],
    ['news list', 'news/index.html'],
    ['lecture', `lectures/${content.lectures[0].slug}/index.html`],
    [
      'exhibit',
      `exhibitions/${content.exhibitions[0].slug}/${content.exhibits[0].slug}/index.html`,
    ],
    ['book', `library/${content.books[0].slug}/index.html`],
  ]
  for (const [label, relative] of samples) {
    const file = path.join(outDir, relative)
    if (!fs.existsSync(file)) {
      console.log(`  ${label}: (no page at /${relative})`)
      continue
    }
    const w = pageWeight(file)
    console.log(
      `  ${label.padEnd(12)} HTML ${kb(w.html.raw)} (${kb(w.html.gz)} gz), CSS ${kb(w.css.raw)} (${kb(w.css.gz)} gz), JS ${kb(w.js.raw)} (${kb(w.js.gz)} gz)`,
    )
  }
  console.log('✔ bench:site: done')
} catch (error) {
  console.error(`✘ bench:site: ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true })
}
