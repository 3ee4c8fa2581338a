import type { PayloadRequest } from 'payload'
import { clientAddressHeader } from './clientAddress.mjs'

/** The client address the CMS's edge server decided (`unknown` when run without it, e.g. the Local API). */
export function clientAddressOf(req: Pick<PayloadRequest, 'headers'>): string {
  return req.headers?.get(clientAddressHeader) || 'unknown'
}
