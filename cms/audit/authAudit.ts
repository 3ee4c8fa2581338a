/**
 * Sign-ins in the audit log: logins and logouts (in their operation's transaction), failed
 * logins and the failure that locks an account. A failed login has no transaction to join (it
 * is refused before one starts, or rolled back), so it is written on its own, from the error
 * hook that REST and GraphQL both call. Refusals by the per-address throttle (429) are not
 * recorded: they never reach an account, and one line each would let a flood fill the log.
 */
import type {
  AfterErrorHook,
  CollectionAfterLoginHook,
  CollectionAfterLogoutHook,
  CollectionBeforeOperationHook,
  Payload,
  PayloadRequest,
} from 'payload'
import { clientAddressOf } from '../server/clientAddressOf'
import { actorLabel, recordAudit, recordAuditEntry, type AuditActor } from './recordAudit'

interface LoginAttempt {
  email: string
  account: (AuditActor & { lockUntil?: string | null }) | null
}

declare module 'payload' {
  interface RequestContext {
    loginAttempt?: LoginAttempt
  }
}

const isLocked = (lockUntil: unknown) =>
  Boolean(lockUntil && new Date(String(lockUntil)).getTime() > Date.now())

/** The account for an email, read past access (`req` only inside its operation). */
async function findAccount(
  payload: Payload,
  email: string,
  req?: PayloadRequest,
): Promise<LoginAttempt['account']> {
  if (!email) return null
  const account = await payload.db.findOne<{
    id: number | string
    name?: string
    email?: string
    lockUntil?: string | null
  }>({ collection: 'users', where: { email: { equals: email } }, req })
  return account ? { ...account, collection: 'users' } : null
}

/** Users `beforeOperation`: notes which account a login is for, and whether it is locked now. */
export const noteLoginAttempt: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const email = (args as { data?: { email?: unknown } }).data?.email
  const normalized = typeof email === 'string' ? email.trim().toLowerCase().slice(0, 320) : ''
  req.context.loginAttempt = {
    email: normalized,
    account: await findAccount(req.payload, normalized, req),
  }
  return args
}

export const recordLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  await recordAudit(req, {
    action: 'login',
    actor: { ...user, collection: 'users' },
    targetCollection: 'users',
    documentId: user.id,
    documentTitle: actorLabel(user),
    summary: '登录后台',
  })
  return user
}

export const recordLogout: CollectionAfterLogoutHook = async ({ req }) => {
  if (!req.user) return
  await recordAudit(req, {
    action: 'logout',
    targetCollection: 'users',
    documentId: req.user.id,
    documentTitle: actorLabel(req.user as AuditActor),
    summary: '退出登录',
  })
}

/** Config `afterError`: a login refused as a wrong password (or unknown, or locked account). */
export const recordFailedLogin: AfterErrorHook = async ({ error, req }) => {
  const attempt = req.context?.loginAttempt
  if (!attempt) return
  delete req.context.loginAttempt
  const name = (error as { originalError?: Error }).originalError?.name ?? error.name
  if (name !== 'AuthenticationError' && name !== 'LockedAuth') return
  const clientAddress = clientAddressOf(req)
  const { account } = attempt
  const wasLocked = isLocked(account?.lockUntil)
  await recordAuditEntry(
    req.payload,
    {
      action: 'loginFailed',
      actor: account,
      targetCollection: 'users',
      documentId: account?.id ?? null,
      documentTitle: account ? actorLabel(account) : attempt.email || null,
      summary: !account
        ? `登录失败：没有该账号（${attempt.email || '未填写邮箱'}）`
        : wasLocked
          ? '登录失败：账号已锁定'
          : '登录失败：密码错误',
    },
    { clientAddress },
  )
  if (!account || wasLocked) return
  const now = await findAccount(req.payload, attempt.email)
  if (isLocked(now?.lockUntil))
    await recordAuditEntry(
      req.payload,
      {
        action: 'lockout',
        actor: account,
        targetCollection: 'users',
        documentId: account.id,
        documentTitle: actorLabel(account),
        summary: `连续登录失败，账号锁定至 ${new Date(String(now!.lockUntil)).toISOString()}`,
      },
      { clientAddress },
    )
}
