/**
 * The client's address and scheme, decided once at the edge of the CMS (serveCms.mjs, the Node
 * server in front of Next) and handed to Payload in a header that clients cannot set.
 *
 * Next only fills `X-Forwarded-For` when it is missing, so without this a client could choose
 * its own address. Behind a reverse proxy set `TRUST_PROXY` to the number of proxies in front
 * (`1` for one nginx): the address is read that many hops from the right of `X-Forwarded-For`,
 * and `X-Forwarded-Proto` is believed. Without it the socket's address is used and forwarded
 * headers sent by the client are dropped.
 */

/** The header Payload reads the client address from (set here, overwritten on every request). */
export const clientAddressHeader = 'x-hongse-client-address'

/** `TRUST_PROXY`: how many proxies in front are trusted (`true` = 1, unset/`false` = 0). */
export function trustedProxyHops() {
  const value = process.env.TRUST_PROXY?.trim().toLowerCase()
  if (!value || value === 'false' || value === '0') return 0
  if (value === 'true') return 1
  const hops = Number(value)
  return Number.isInteger(hops) && hops > 0 ? hops : 0
}

/**
 * Rewrites the request's headers in place: the trusted client address, and forwarded headers
 * only from trusted proxies. Returns whether the client reached us over HTTPS.
 * @param {import('node:http').IncomingMessage} request
 * @param {number} [hops]
 * @returns {{ address: string, https: boolean }}
 */
export function applyClientAddress(request, hops = trustedProxyHops()) {
  const socketAddress = request.socket.remoteAddress ?? ''
  let address = socketAddress
  let https = Boolean(/** @type {{ encrypted?: boolean }} */ (request.socket).encrypted)
  if (hops > 0) {
    const forwarded = String(request.headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
    // Each trusted proxy appends the address it saw; the client's is `hops` from the right.
    address = forwarded[forwarded.length - hops] ?? forwarded[0] ?? socketAddress
    const proto = String(request.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      ?.trim()
      .toLowerCase()
    if (proto) https = proto === 'https'
  } else {
    delete request.headers['x-forwarded-for']
    delete request.headers['x-forwarded-proto']
    delete request.headers['x-forwarded-host']
  }
  address = address.replace(/^::ffff:/, '') || 'unknown'
  request.headers[clientAddressHeader] = address
  return { address, https }
}

/** `CMS_SECURE_COOKIES`: `auto` (default: Secure when the request came over HTTPS), `true` or `false`. */
export function secureCookiesSetting() {
  const value = process.env.CMS_SECURE_COOKIES?.trim().toLowerCase()
  return value === 'true' || value === 'false' ? value : 'auto'
}

/**
 * Adds `Secure` to every cookie the response sets (the login cookie among them).
 * @param {import('node:http').ServerResponse} response
 */
export function makeCookiesSecure(response) {
  /** @param {unknown} value */
  const secure = (value) =>
    Array.isArray(value)
      ? value.map(secure)
      : typeof value === 'string' && !/;\s*secure\s*(;|$)/i.test(value)
        ? `${value}; Secure`
        : value
  const isCookie = (/** @type {string} */ name) => String(name).toLowerCase() === 'set-cookie'
  const setHeader = response.setHeader.bind(response)
  response.setHeader = (name, value) =>
    setHeader(name, isCookie(name) ? /** @type {string[]} */ (secure(value)) : value)
  const appendHeader = response.appendHeader.bind(response)
  response.appendHeader = (name, value) =>
    appendHeader(name, isCookie(name) ? /** @type {string[]} */ (secure(value)) : value)
}

/**
 * The edge of every CMS request: trusted address and scheme, and Secure cookies over HTTPS.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {number} hops
 */
export function prepareRequest(request, response, hops) {
  const { https } = applyClientAddress(request, hops)
  const setting = secureCookiesSetting()
  if (setting === 'true' || (setting === 'auto' && https)) makeCookiesSecure(response)
}
