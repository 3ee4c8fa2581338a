import type { IncomingMessage } from 'node:http'

/**
 * The client's address, decided once at the edge of the CMS (the Node server in front of Next,
 * cms/server/serveCms.mjs) and handed to Payload in one header that clients cannot set.
 *
 * Next itself only fills `X-Forwarded-For` when it is missing, so a client could choose its own
 * address. Behind a reverse proxy set `TRUST_PROXY` to the number of proxies in front (`1` for one
 * nginx); the address is then read that many hops from the right of `X-Forwarded-For`, and
 * `X-Forwarded-Proto` is believed. Without it, the socket's address is used and any forwarded
 * headers from the client are dropped.
 */
export const clientAddressHeader = 'x-hongse-client-address'

export function trustedProxyHops(): number {
  const value = process.env.TRUST_PROXY?.trim().toLowerCase()
  if (!value || value === 'false' || value === '0') return 0
  if (value === 'true') return 1
  const hops = Number(value)
  return Number.isInteger(hops) && hops > 0 ? hops : 0
}

/** Rewrites the request's headers in place: the trusted client address, and forwarded headers only from trusted proxies. */
export function applyClientAddress(request: IncomingMessage, hops = trustedProxyHops()): void {
  const socketAddress = request.socket.remoteAddress ?? ''
  let address = socketAddress
  if (hops > 0) {
    const forwarded = String(request.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
    // Each trusted proxy appends the address it saw; the client's is `hops` from the right.
    address = forwarded[forwarded.length - hops] ?? forwarded[0] ?? socketAddress
  } else {
    delete request.headers['x-forwarded-for']
    delete request.headers['x-forwarded-proto']
    delete request.headers['x-forwarded-host']
  }
  request.headers[clientAddressHeader] = address.replace(/^::ffff:/, '')
}

/** The client address Payload sees (set by applyClientAddress); `unknown` when the CMS runs without its edge server. */
export function clientAddress(headers: Headers): string {
  return headers.get(clientAddressHeader) || 'unknown'
}
