import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeOnDatabase, startTestPayload, type TestPayload } from '../helpers/testPayload'

describeOnDatabase('production mode', () => {
  let t: TestPayload
  beforeAll(async () => {
    ;(process.env as Record<string, string>).NODE_ENV = 'production'
    t = await startTestPayload()
  })
  afterAll(() => t?.close())

  it('npm start refuses to run without PAYLOAD_SECRET', () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      CMS_PORT: '3999',
      SITE_PORT: '4999',
    }
    delete env.PAYLOAD_SECRET
    const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['cms/scripts/start.ts'], {
      encoding: 'utf8',
      env,
      timeout: 60_000,
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('PAYLOAD_SECRET 未设置')
  })

  it('the Payload config itself refuses to load without PAYLOAD_SECRET', async () => {
    const { payloadSecret } = await import('../../cms/settings')
    const secret = process.env.PAYLOAD_SECRET
    delete process.env.PAYLOAD_SECRET
    try {
      expect(() => payloadSecret()).toThrow(/PAYLOAD_SECRET/)
    } finally {
      process.env.PAYLOAD_SECRET = secret
    }
  })

  it('never creates the demo accounts', async () => {
    const { ensureDemoUsers } = await import('../../cms/seed/ensureDemoUsers')
    await expect(ensureDemoUsers(t.payload)).rejects.toThrow('生产环境不创建演示账号')
    expect((await t.payload.count({ collection: 'users' })).totalDocs).toBe(0)
  })
})
