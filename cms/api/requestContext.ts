import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes } from 'node:crypto'

/**
 * The id of the API request being served, for every log line written while serving it (the
 * logger's mixin) and for the answer to a server fault, so a report can be matched to its log.
 */
const requests = new AsyncLocalStorage<{ requestId: string }>()

export const newRequestId = () => randomBytes(6).toString('hex')

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return requests.run({ requestId }, work)
}

export const currentRequestId = (): string | undefined => requests.getStore()?.requestId

/** Pino mixin: adds `requestId` to log lines written inside a request. */
export const requestLogFields = (): Record<string, string> => {
  const requestId = currentRequestId()
  return requestId ? { requestId } : {}
}
