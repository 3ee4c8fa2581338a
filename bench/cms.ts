/**
 * CMS benchmark: Local API insert rate (one writer, then 10 concurrent writers), REST list
 * throughput (sequential and 10 concurrent) on a real `next start` server, and `next build` wall
 * time and peak memory. Prints figures; asserts nothing. BENCH_CMS_ONLY=writes measures the inserts only.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runMeasured } from './measureProcessTree'

const root = process.cwd()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-bench-'))
process.env.DATABASE_URL = `file:${path.join(dir, 'bench.db')}`
process.env.MEDIA_DIR = path.join(dir, 'media')
process.env.PAYLOAD_SECRET ??= 'bench-secret'
process.env.PAYLOAD_JOBS_AUTORUN = 'false'
const port = Number(process.env.BENCH_PORT ?? 3900)
const newsCount = Number(process.env.BENCH_NEWS ?? 1000)
const writersOnly = process.env.BENCH_CMS_ONLY === 'writes'

const report = (label: string, value: string) => {
  console.log(`  ${label}: ${value}`)
}

async function measureNextBuild(): Promise<void> {
  const { seconds, peakBytes } = await runMeasured(
    path.join(root, 'node_modules/.bin/next'),
    ['build', 'cms'],
    {
      stdio: 'ignore',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    },
  )
  report('next build wall time', `${seconds.toFixed(1)} s`)
  report('next build peak memory (process tree RSS)', `${(peakBytes / 1024 / 1024).toFixed(0)} MB`)
}

async function measureInserts(): Promise<void> {
  const { openPayload } = await import('../cms/scripts/openPayload')
  const payload = await openPayload()
  const createNews = (i: number) =>
    payload.create({
      collection: 'news',
      data: {
        title: `基准测试新闻第${i + 1}条：楼宇综合党委开展主题党日活动`,
        category: 'party-building',
        summary: '楼宇党员围绕党史学习教育开展主题党日活动。',
        tags: ['基准测试'],
        _status: 'published',
      },
    })
  let started = performance.now()
  for (let i = 0; i < newsCount; i++) await createNews(i)
  let seconds = (performance.now() - started) / 1000
  report(
    `insert ${newsCount} news (Local API, published, slug from title)`,
    `${(newsCount / seconds).toFixed(0)} items/s (${seconds.toFixed(1)} s)`,
  )
  // Ten writers at once, as ten editors saving together: every save still completes as one unit.
  let next = newsCount
  const end = newsCount * 2
  started = performance.now()
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < end) await createNews(next++)
    }),
  )
  seconds = (performance.now() - started) / 1000
  report(
    `insert ${newsCount} news, 10 concurrent writers`,
    `${(newsCount / seconds).toFixed(0)} items/s (${seconds.toFixed(1)} s)`,
  )
  await payload.destroy()
}

async function measureReads(): Promise<void> {
  const server = spawn(
    path.join(root, 'node_modules/.bin/next'),
    ['start', 'cms', '-p', String(port)],
    {
      stdio: 'ignore',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    },
  )
  try {
    const url = `http://127.0.0.1:${port}/api/news?limit=10&depth=1&sort=-publishedAt`
    for (let attempt = 0; ; attempt++) {
      if (attempt > 400) throw new Error('server did not start')
      try {
        if ((await fetch(url)).ok) break
      } catch {
        // not yet listening
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    for (let i = 0; i < 50; i++) await (await fetch(url)).arrayBuffer() // warm-up
    const sequential = 500
    let started = performance.now()
    for (let i = 0; i < sequential; i++)
      await (await fetch(`${url}&page=${(i % 50) + 1}`)).arrayBuffer()
    let seconds = (performance.now() - started) / 1000
    report(
      'REST list reads, sequential (10 per page, depth 1)',
      `${(sequential / seconds).toFixed(0)} req/s`,
    )
    const total = 1000
    let next = 0
    started = performance.now()
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < total) {
          const i = next++
          const response = await fetch(`${url}&page=${(i % 50) + 1}`)
          if (!response.ok) throw new Error(`HTTP ${response.status}`)
          await response.arrayBuffer()
        }
      }),
    )
    seconds = (performance.now() - started) / 1000
    report('REST list reads, 10 concurrent', `${(total / seconds).toFixed(0)} req/s`)
  } finally {
    server.kill('SIGTERM')
  }
}

console.log(
  `bench:cms (Node ${process.versions.node}, ${os.cpus().length} cores, SQLite at ${dir})`,
)
try {
  await measureInserts()
  if (!writersOnly) {
    await measureNextBuild()
    await measureReads()
  }
  console.log('✔ bench:cms: done')
} catch (error) {
  console.error(`✘ bench:cms: ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
process.exit(process.exitCode ?? 0)
