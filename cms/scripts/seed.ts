import { loadEnvironment } from './loadEnvironment'
import { openPayload, runScript } from './openPayload'

loadEnvironment()

await runScript('seed', async () => {
  const payload = await openPayload()
  const { isProduction } = await import('../settings')
  const { ensureDemoUsers } = await import('../seed/ensureDemoUsers')
  const { seedDemoContent } = await import('../seed/seedDemoContent')
  console.log('写入演示内容：')
  const report = await seedDemoContent(payload)
  if (!isProduction) {
    const login = await ensureDemoUsers(payload)
    console.log(`  演示账号     ${login.email}（另有 editor@…、contributor@…，密码相同）`)
  }
  const created = Object.values(report).reduce((sum, { created }) => sum + created, 0)
  return created ? `新建 ${created} 条` : '演示内容已齐全，未做改动'
})
