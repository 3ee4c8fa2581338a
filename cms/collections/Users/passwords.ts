import crypto from 'node:crypto'

/** Shortest password accepted, in characters. */
export const minimumPasswordLength = 10
/** Longest: hashing is deliberately slow, so a megabyte "password" must not reach it. */
export const maximumPasswordLength = 256

/** What is wrong with a new password, in Chinese, or null when it is acceptable. */
export function passwordProblem(password: unknown, email?: string | null): string | null {
  if (typeof password !== 'string') return '密码必须是文本。'
  if (!password.trim()) return '密码不能为空，也不能只有空格。'
  const length = [...password].length
  if (length < minimumPasswordLength) return `密码至少需要 ${minimumPasswordLength} 个字符。`
  if (length > maximumPasswordLength) return `密码不能超过 ${maximumPasswordLength} 个字符。`
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase())
    return '密码不能与登录邮箱相同。'
  return null
}

// Payload's hash format (auth/strategies/local/generatePasswordSaltHash): PBKDF2-SHA256, a prefix
// marking the current parameters, older hashes without it.
const currentPrefix = 'pbkdf2-sha256-v1:'
const current = { iterations: 600_000, keyLength: 32 }
const legacy = { iterations: 25_000, keyLength: 512 }

function pbkdf2(
  password: string,
  salt: string,
  iterations: number,
  keyLength: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.pbkdf2(password, salt, iterations, keyLength, 'sha256', (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

/** True when the password matches the stored hash and salt (constant time). */
export async function passwordMatches(
  stored: { hash?: unknown; salt?: unknown },
  password: unknown,
): Promise<boolean> {
  if (
    typeof password !== 'string' ||
    typeof stored.hash !== 'string' ||
    typeof stored.salt !== 'string'
  )
    return false
  if ([...password].length > maximumPasswordLength) return false
  const isCurrent = stored.hash.startsWith(currentPrefix)
  const { iterations, keyLength } = isCurrent ? current : legacy
  const expected = Buffer.from(
    isCurrent ? stored.hash.slice(currentPrefix.length) : stored.hash,
    'hex',
  )
  const actual = await pbkdf2(password, stored.salt, iterations, keyLength)
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}

/** One password hash's worth of work, so a login for an unknown or locked account takes as long as a wrong password. */
export async function hashLikeALogin(password: unknown): Promise<void> {
  const text = typeof password === 'string' ? password.slice(0, maximumPasswordLength) : ''
  await pbkdf2(text, 'equal-timing-salt', current.iterations, current.keyLength)
}
