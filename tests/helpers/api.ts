import type { APIRequestContext } from '@playwright/test'

export const demoPassword = process.env.DEMO_ADMIN_PASSWORD ?? 'hongse-demo-2026'
export const demoAccounts = {
  admin: 'admin@hongse.example',
  editor: 'editor@hongse.example',
  contributor: 'contributor@hongse.example',
} as const
export type StaffRole = keyof typeof demoAccounts
export type Role = StaffRole | 'anonymous'

/** Logs a demo account in through REST and returns its JWT. */
export async function login(request: APIRequestContext, role: StaffRole): Promise<string> {
  const response = await request.post('/api/users/login', {
    data: { email: demoAccounts[role], password: demoPassword },
  })
  if (!response.ok())
    throw new Error(`login as ${role} failed: ${response.status()} ${await response.text()}`)
  return (await response.json()).token
}

export const authHeaders = (token?: string): Record<string, string> =>
  token ? { Authorization: `JWT ${token}` } : {}
