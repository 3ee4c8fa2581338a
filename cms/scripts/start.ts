import { spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { loadEnvironment } from './loadEnvironment'

loadEnvironment()

const root = process.cwd()
const { cmsPort, isProduction, databaseUrl } = await import('../settings')
const port = cmsPort()

async function prepareDatabase(): Promise<string | null> {
  const { openPayload } = await import('./openPayload')
  const payload = await openPayload()
  let login: string | null = null
  if (!isProduction) {
    const { ensureDemoUsers } = await import('../seed/ensureDemoUsers')
    const [news, books] = await Promise.all([payload.count({ collection: 'news' }), payload.count({ collection: 'books' })])
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
  if (await portInUse(port)) throw new Error(`端口 ${port} 已被占用：请先停止占用它的程序，或用 CMS_PORT 换一个端口。`)
  const login = await prepareDatabase()
  const { buildCmsIfNeeded } = await import('./buildCms')
  buildCmsIfNeeded()

  const server = spawn(path.join(root, 'node_modules/.bin/next'), ['start', 'cms', '-p', String(port)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
  server.on('exit', (code) => process.exit(code ?? 0))

  await waitUntilServing(`http://127.0.0.1:${port}/api/globals/site`, server)
  const base = `http://localhost:${port}`
  console.log('')
  console.log('红色山高内容管理系统已启动')
  console.log(`  后台     ${base}/admin`)
  console.log(`  REST     ${base}/api/news`)
  console.log(`  GraphQL  ${base}/api/graphql`)
  console.log(`  数据库   ${databaseUrl().startsWith('mongodb') ? 'MongoDB' : databaseUrl()}`)
  if (login) console.log(`  演示账号 ${login}（仅限本地演示）`)
  console.log('按 Ctrl+C 停止。')
} catch (error) {
  console.error(`✘ start 失败：${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
