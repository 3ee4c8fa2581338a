import type { Payload } from 'payload'
import { isProduction } from '../settings'

export interface DemoLogin {
  email: string
  password: string
}

/** The demo admin's login, from `DEMO_ADMIN_EMAIL` / `DEMO_ADMIN_PASSWORD`. */
export function demoAdminLogin(): DemoLogin {
  return {
    email: process.env.DEMO_ADMIN_EMAIL || 'admin@hongse.example',
    password: process.env.DEMO_ADMIN_PASSWORD || 'hongse-demo-2026',
  }
}

/**
 * Demo accounts for each role (admin, editor, contributor; same password). Never in production.
 * Existing accounts are left as they are, so a changed password stays changed.
 */
export async function ensureDemoUsers(payload: Payload): Promise<DemoLogin> {
  if (isProduction) throw new Error('生产环境不创建演示账号。')
  const admin = demoAdminLogin()
  const [, domain = 'hongse.example'] = admin.email.split('@')
  const accounts = [
    { email: admin.email, name: '演示管理员', roles: ['admin'] as const },
    { email: `editor@${domain}`, name: '演示编辑', roles: ['editor'] as const },
    { email: `contributor@${domain}`, name: '演示投稿人', roles: ['contributor'] as const },
  ]
  for (const account of accounts) {
    const { totalDocs } = await payload.count({
      collection: 'users',
      where: { email: { equals: account.email } },
    })
    if (totalDocs > 0) continue
    await payload.create({
      collection: 'users',
      data: { ...account, roles: [...account.roles], password: admin.password },
    })
  }
  return admin
}
