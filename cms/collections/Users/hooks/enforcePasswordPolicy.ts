import type {
  CollectionAfterChangeHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'
import { ValidationError } from 'payload'
import { passwordMatches, passwordProblem } from '../passwords'

export const currentPasswordMessage = '修改自己的密码时，请输入正确的当前密码。'

interface StoredUser {
  id: number | string
  email?: string
  hash?: string
  salt?: string
  sessions?: { id: string }[]
}

const refuse = (req: PayloadRequest, path: string, message: string): never => {
  throw new ValidationError({ collection: 'users', errors: [{ path, message }] }, req.t)
}

/** The stored account (hash, salt and sessions included), read past access. */
const storedUser = (req: PayloadRequest, where: Record<string, unknown>) =>
  req.payload.db.findOne<StoredUser>({ collection: 'users', where: where as never, req })

/**
 * New passwords (create, update, reset): at least 10 characters, not blank, not the email.
 * Changing one's own password needs the current one (`currentPassword`), so a stolen session
 * cannot take the account over; the change then ends the account's other sessions.
 */
export const enforcePasswordPolicy: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  const { data, id } = args as { data?: Record<string, unknown>; id?: number | string }
  if (!data || data.password === undefined) return args

  if (operation === 'create') {
    const problem = passwordProblem(data.password, data.email as string)
    if (problem) refuse(req, 'password', problem)
    return args
  }
  if (operation === 'resetPassword') {
    const user =
      typeof data.token === 'string'
        ? await storedUser(req, { resetPasswordToken: { equals: data.token } })
        : null
    const problem = passwordProblem(data.password, user?.email)
    if (problem) refuse(req, 'password', problem)
    return args
  }
  if (operation !== 'update') return args
  if (id == null) refuse(req, 'password', '不能批量修改密码。')
  const user = await storedUser(req, { id: { equals: id } })
  if (!user) return args // Payload answers 404
  const problem = passwordProblem(data.password, (data.email as string) ?? user.email)
  if (problem) refuse(req, 'password', problem)
  const self = req.user?.collection === 'users' && String(req.user.id) === String(id)
  if (self && !(await passwordMatches(user, data.currentPassword)))
    refuse(req, 'currentPassword', currentPasswordMessage)
  // Remembered for endOtherSessions: whose password changed, and the one session to keep.
  req.context.passwordChangedFor = {
    id: String(id),
    keepSession: self ? (req.user as { _sid?: string })._sid : undefined,
  }
  return args
}

/** After a password change only the session that made it (if it was the account's own) stays signed in. */
export const endOtherSessions: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const changed = req.context.passwordChangedFor as { id: string; keepSession?: string } | undefined
  if (operation !== 'update' || !changed || changed.id !== String(doc.id)) return doc
  const user = await storedUser(req, { id: { equals: doc.id } })
  const sessions = (user?.sessions ?? []).filter((session) => session.id === changed.keepSession)
  await req.payload.db.updateOne({
    collection: 'users',
    id: doc.id,
    data: { sessions },
    req,
    returning: false,
  })
  return doc
}
