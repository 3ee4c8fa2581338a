import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const root = process.cwd()
const stampFile = path.join(root, 'cms/.next/source-hash')

/** Files that change what `next build` produces. */
function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (['.next', 'node_modules', 'seed', 'scripts'].includes(entry.name)) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) sourceFiles(full, found)
    else found.push(full)
  }
  return found
}

/** Hash of the admin's sources, shared code and the lock file: a new hash means a new build. */
export function cmsSourceHash(): string {
  const hash = crypto.createHash('sha256')
  const files = [
    ...sourceFiles(path.join(root, 'cms')),
    ...sourceFiles(path.join(root, 'shared')),
    path.join(root, 'package-lock.json'),
  ]
  for (const file of files.sort())
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file))
  return hash.digest('hex')
}

/** Runs `next build` for the admin unless the last build was made from the same sources. */
export function buildCmsIfNeeded({ force = false } = {}): { built: boolean; seconds: number } {
  const hash = cmsSourceHash()
  const previous = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : ''
  if (!force && previous === hash && fs.existsSync(path.join(root, 'cms/.next/BUILD_ID')))
    return { built: false, seconds: 0 }
  const started = Date.now()
  console.log('构建后台（next build），首次约需一分钟……')
  const result = spawnSync(path.join(root, 'node_modules/.bin/next'), ['build', 'cms'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'build-time-placeholder',
      PAYLOAD_JOBS_AUTORUN: 'false',
    },
  })
  if (result.status !== 0 || !fs.existsSync(path.join(root, 'cms/.next/BUILD_ID'))) {
    throw new Error(`next build 失败（退出码 ${result.status ?? result.signal}）`)
  }
  fs.writeFileSync(stampFile, hash)
  return { built: true, seconds: (Date.now() - started) / 1000 }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { built, seconds } = buildCmsIfNeeded({ force: process.argv.includes('--force') })
    console.log(
      built
        ? `✔ build:cms: 完成，用时 ${seconds.toFixed(1)} 秒`
        : '✔ build:cms: 源码未变，沿用上次构建',
    )
  } catch (error) {
    console.error(`✘ build:cms: ${(error as Error).message}`)
    process.exit(1)
  }
}
