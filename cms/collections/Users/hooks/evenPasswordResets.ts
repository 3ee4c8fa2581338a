import type {
  CollectionAfterForgotPasswordHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
} from 'payload'
import { AttemptWindow } from '../attemptWindow'

/**
 * Password-reset requests for one account: one email a minute at most (Payload's own per-account
 * interval is off, see Users `auth.forgotPassword`: it writes outside the operation's transaction,
 * which the serialised SQLite writer would wait on forever).
 */
export const passwordResetsByEmail = new AttemptWindow(1, 60_000)

const startedKey = 'passwordResetStartedAt'
const repeatedKey = 'repeatedPasswordReset'
/** The latest durations of resets that wrote a token and sent the email, in ms. */
const recentResets: number[] = []

function typicalResetMs(): number {
  if (recentResets.length === 0) return 60
  const sorted = [...recentResets].sort((a, b) => a - b)
  return Math.min(5_000, sorted[Math.floor(sorted.length / 2)]!)
}

/**
 * A reset for an unknown email answers exactly like a real one and after about as long (the
 * median of the latest real ones), so neither the answer nor its timing tells whether an account
 * exists. Runs after the per-address throttle.
 */
export const evenPasswordResets: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'forgotPassword') return args
  req.context[startedKey] = performance.now()
  const data = (args as { data?: { email?: unknown } }).data
  const email = typeof data?.email === 'string' ? data.email.trim().toLowerCase() : ''
  if (!email) return args
  const user = await req.payload.db.findOne({
    collection: 'users',
    where: { email: { equals: email } },
    req,
  })
  if (user && passwordResetsByEmail.retryAfter(email) > 0) {
    // Asked again within the minute: the same work and answer, but no email, and the link already
    // sent stays the valid one (keepEarlierResetLink).
    req.context[repeatedKey] = true
    return { ...args, disableEmail: true }
  }
  if (user) {
    passwordResetsByEmail.record(email)
    return args
  }
  await new Promise((resolve) =>
    setTimeout(resolve, typicalResetMs() * (0.9 + Math.random() * 0.2)),
  )
  return args
}

/** Users `beforeChange`: a repeated reset request keeps the token and expiry of the earlier one. */
export const keepEarlierResetLink: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!req.context[repeatedKey] || !originalDoc) return data
  return {
    ...data,
    resetPasswordToken: originalDoc.resetPasswordToken,
    resetPasswordExpiration: originalDoc.resetPasswordExpiration,
  }
}

/** Remembers how long a real reset took (token written, email handed over). */
export const timePasswordReset: CollectionAfterForgotPasswordHook = ({ context }) => {
  const started = context[startedKey]
  if (typeof started !== 'number' || context[repeatedKey]) return
  recentResets.push(performance.now() - started)
  if (recentResets.length > 20) recentResets.shift()
}
