import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Reads `.env` (if present) and, outside production, gives the CMS a stable local secret in
 * `data/` when none is set. Must run before the Payload config is imported.
 */
export function loadEnvironment(root = process.cwd()): void {
  const envFile = path.join(root, '.env')
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile)
  const major = Number(process.versions.node.split('.')[0])
  if (major < 22) {
    console.warn(
      `⚠ 当前 Node ${process.versions.node} 已停止维护；请通过 npm 脚本运行（项目自带 Node 24）。`,
    )
  }
  if (process.env.NODE_ENV === 'production') {
    if (!process.env.PAYLOAD_SECRET) {
      console.error('✘ PAYLOAD_SECRET 未设置：生产环境必须通过环境变量提供密钥，拒绝启动。')
      process.exit(1)
    }
    return
  }
  if (!process.env.PAYLOAD_SECRET) {
    const secretFile = path.join(root, 'data', '.payload-secret')
    fs.mkdirSync(path.dirname(secretFile), { recursive: true })
    if (!fs.existsSync(secretFile))
      fs.writeFileSync(secretFile, crypto.randomBytes(32).toString('hex'), { mode: 0o600 })
    process.env.PAYLOAD_SECRET = fs.readFileSync(secretFile, 'utf8').trim()
  }
}
