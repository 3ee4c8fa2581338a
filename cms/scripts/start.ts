import { spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import type { PublisherMessage } from '../../publisher/messages'
import { loadEnvironment } from './loadEnvironment'
import { superviseChild } from './superviseChild'

loadEnvironment()

const root = process.cwd()
const settings = await import('../settings')
const { cmsPort, isProduction, databaseUrl } = settings
const port = cmsPort()
const sitePort = settings.sitePort()
// The publisher and its site builds read it from the environment: one value for all.
process.env.SITE_URL ||= settings.siteUrl()

/** Migrates, seeds an empty database (not in production) and ensures the demo accounts. */
async function prepareContent(): Promise<string | null> {
  const { openPayload } = await import('./openPayload')
  const payload = await openPayload()
  let login: string | null = null
  if (!isProduction) {
    const { ensureDemoUsers } = await import('../seed/ensureDemoUsers')
    const [news, books] = await Promise.all([
      payload.count({ collection: 'news' }),
      payload.count({ collection: 'books' }),
    ])
    if (news.totalDocs === 0 && books.totalDocs === 0) {
      const { seedDemoContent } = await import('../seed/seedDemoContent')
      console.log('数据库为空，写入演示内容：')
      await seedDemoContent(payload)
    }
    const demo = await ensureDemoUsers(payload)
    login = `${demo.email} / ${demo.password}`
  }
  await payload.destroy()
  return login
}

/**
 * Runs the publisher (publisher/run.ts), which builds the site when it has no current release or
 * the site's code changed, and restarts it whenever it dies. The CMS and the static server never
 * depend on it: they serve on (the last release, from the same folder) while it is down.
 */
function supervisePublisher() {
  console.log('准备公开网站（发布服务）……')
  return superviseChild({
    start: () =>
      spawn(path.join(root, 'node_modules/.bin/tsx'), ['publisher/run.ts'], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        env: process.env,
      }),
    isReady: (message) => (message as PublisherMessage | undefined)?.type === 'ready',
    onReady: (ms) => console.log(`公开网站就绪，用时 ${(ms / 1000).toFixed(1)} 秒`),
    onExit: (how, pause) =>
      console.error(`✘ 发布服务已退出（${how}），${pause / 1000} 秒后重启；后台和公开网站照常运行`),
  })
}

/** True when something already listens on the port (a second `npm start`, another app). */
function portInUse(portNumber: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port: portNumber, host: '127.0.0.1' })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

async function waitUntilServing(url: string, child: ReturnType<typeof spawn>): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`后台服务已退出（退出码 ${child.exitCode}）`)
    try {
      const response = await fetch(url, { redirect: 'manual' })
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`等待 ${url} 超时`)
}

try {
  for (const [name, value] of [
    ['CMS_PORT', port],
    ['SITE_PORT', sitePort],
  ] as const) {
    if (await portInUse(value))
      throw new Error(`端口 ${value} 已被占用：请先停止占用它的程序，或用 ${name} 换一个端口。`)
  }
  const login = await prepareContent()
  const { buildCmsIfNeeded } = await import('./buildCms')
  buildCmsIfNeeded()
  const publisher = supervisePublisher()
  await publisher.ready

  // `next start` behind the edge that decides client addresses and Secure cookies (cms/server/serveCms.mjs).
  const server = spawn(path.join(root, 'node_modules/.bin/node'), ['cms/server/serveCms.mjs'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CMS_PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
  })
  const { scheduleBackups } = await import('../backup/backupSchedule')
  const stopBackups = scheduleBackups({ root })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopBackups()
      server.kill(signal)
      publisher.stop(signal)
    })
  }
  server.on('exit', (code) => {
    publisher.stop('SIGTERM')
    process.exit(code ?? 0)
  })

  await waitUntilServing(`http://127.0.0.1:${port}/api/globals/site`, server)
  const { createStaticServer } = await import('../../site/server/staticServer')
  // The publisher's folder and socket are fixed paths: a restarted publisher serves through them too.
  const { servedSiteDir, publisherSocket } = await import('../../publisher/settings')
  await new Promise<void>((resolve) =>
    createStaticServer(servedSiteDir(), { previewSocket: publisherSocket() }).listen(
      sitePort,
      resolve,
    ),
  )

  const base = `http://localhost:${port}`
  console.log('')
  console.log('红色山高已启动')
  console.log(`  公开网站 ${process.env.SITE_URL}/`)
  console.log(`  后台     ${base}/admin`)
  console.log(`  REST     ${base}/api/news`)
  console.log(`  GraphQL  ${base}/api/graphql`)
  console.log('  发布     保存即上线：发布、修改、撤下后网站自动更新（状态见后台首页）')
  console.log(`  数据库   ${databaseUrl().startsWith('mongodb') ? 'MongoDB' : databaseUrl()}`)
  if (login) console.log(`  演示账号 ${login}（仅限本地演示）`)
  console.log('按 Ctrl+C 停止。')
} catch (error) {
  console.error(`✘ start 失败：${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
