import type {
  CollectionAfterErrorHook,
  CollectionAfterLoginHook,
  CollectionBeforeOperationHook,
} from 'payload'
import { APIError, AuthenticationError } from 'payload'
import { clientAddressOf } from '../../../server/clientAddressOf'
import { AttemptWindow } from '../attemptWindow'
import { hashLikeALogin } from '../passwords'

const fifteenMinutes = 15 * 60 * 1000

/**
 * Per client address: failed logins, and password-reset requests. Both are refused with 429
 * before the account is looked at, and the address limit (5) is below the account lock (10
 * failures, Users `maxLoginAttempts`), so one address cannot lock anyone out.
 */
export const failedLoginsByAddress = new AttemptWindow(5, fifteenMinutes)
export const passwordResetsByAddress = new AttemptWindow(5, fifteenMinutes)

export const tooManyAttemptsMessage = (seconds: number) =>
  `尝试次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试。`

const isLocked = (user: { lockUntil?: unknown }) =>
  Boolean(user.lockUntil && new Date(String(user.lockUntil)).getTime() > Date.now())

/**
 * Login and forgot-password, REST and GraphQL alike: throttled by client address first; then a
 * login for an unknown or locked account costs one password hash and fails with the same
 * message as a wrong password, so neither the answer nor its timing tells whether it exists.
 */
export const throttleLogins: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login' && operation !== 'forgotPassword') return args
  const address = clientAddressOf(req)
  const attempts = operation === 'login' ? failedLoginsByAddress : passwordResetsByAddress
  const wait = attempts.retryAfter(address)
  if (wait > 0) {
    req.responseHeaders = new Headers({ 'Retry-After': String(wait) })
    throw new APIError(tooManyAttemptsMessage(wait), 429, null, true)
  }
  // Counted now, forgiven when the login succeeds: parallel guesses cannot slip past the limit.
  attempts.record(address)
  if (operation === 'login') {
    const { email, password } =
      (args as { data?: { email?: unknown; password?: unknown } }).data ?? {}
    const user =
      typeof email === 'string' && email.trim()
        ? await req.payload.db.findOne<{ id: number | string; lockUntil?: unknown }>({
            collection: 'users',
            where: { email: { equals: email.trim().toLowerCase() } },
            req,
          })
        : null
    if (!user || isLocked(user)) {
      await hashLikeALogin(password)
      throw new AuthenticationError(req.t)
    }
  }
  return args
}

/** A successful login was not a failure. */
export const forgiveSuccessfulLogin: CollectionAfterLoginHook = ({ req }) => {
  failedLoginsByAddress.forgive(clientAddressOf(req))
}

/** The failure that locks an account answers like any wrong password (REST), not with "locked". */
export const hideAccountLocks: CollectionAfterErrorHook = ({ error, req }) => {
  if (error.name !== 'LockedAuth') return
  const { message } = new AuthenticationError(req.t)
  return { response: { errors: [{ message }] }, status: 401 }
}
