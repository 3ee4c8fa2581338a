import type { Config } from 'payload'

/** Pino's options, as Payload's config takes them (pino itself is Payload's dependency, not ours). */
type LoggerOptions = Extract<NonNullable<Config['logger']>, { options: unknown }>['options']

type LoggedError = {
  message?: string
  status?: number
  name?: string
  originalError?: { status?: number }
  extensions?: { statusCode?: number }
}

/** The HTTP status an error answers with; graphql-js's own errors (syntax, schema) are the client's. */
function statusOf(error: LoggedError): number | undefined {
  const status = error.status ?? error.originalError?.status ?? error.extensions?.statusCode
  if (status !== undefined) return status
  if (error.name === 'GraphQLError' && !error.originalError) return 400
  return undefined
}

/**
 * Pino `logMethod` hook: an error-level line whose error is a refusal of the client's request
 * (a 4xx: forbidden, not found, invalid input, throttled) becomes one info line without a stack.
 * Payload's `loggingLevels` does this by error class name only, which a minified build renames,
 * and it cannot tell a GraphQL refusal from a fault. Real faults (5xx) stay errors with a stack.
 */
export const logRefusalsAsInfo: NonNullable<LoggerOptions['hooks']>['logMethod'] = function (
  args,
  method,
  level,
) {
  const [first] = args as unknown[]
  const error = (first as { err?: LoggedError } | undefined)?.err
  const status = level >= 50 && error && typeof error === 'object' ? statusOf(error) : undefined
  if (status !== undefined && status >= 400 && status < 500) {
    this.info({ msg: error!.message ?? 'Error', status })
    return
  }
  method.apply(this, args as Parameters<typeof method>)
}
