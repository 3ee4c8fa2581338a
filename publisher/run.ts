/**
 * The publisher process (`npm start` runs it beside the CMS and the static server; also
 * `npm run publisher`): brings the site up to date, then keeps it so. Tells its parent over IPC
 * when the site can be served, and serves draft previews on a local socket.
 */
import fs from 'node:fs'
import http from 'node:http'
import { loadEnvironment } from '../cms/scripts/loadEnvironment'

loadEnvironment()

const [{ openPayload }, settings, publisherSettings, { Publisher }, { createPreviewHandler }] = await Promise.all([
  import('../cms/scripts/openPayload'),
  import('../cms/settings'),
  import('./settings'),
  import('./publisher'),
  import('./preview'),
])

try {
  const payload = await openPayload()
  const publisher = new Publisher({
    payload,
    releasesDir: publisherSettings.siteReleasesDir(),
    mediaDir: settings.mediaDir(),
    fullBuildIntervalHours: publisherSettings.fullBuildIntervalHours(),
    faultMarker: process.env.PUBLISHER_FAULT_MARKER || undefined,
  })
  await publisher.start()

  const socket = publisherSettings.publisherSocket()
  fs.rmSync(socket, { force: true })
  const preview = http.createServer(createPreviewHandler(publisher, payload, settings.payloadSecret(), settings.mediaDir()))
  await new Promise<void>((resolve) => preview.listen(socket, resolve))

  process.send?.({ ready: true, servedDir: publisher.servedDir, socket })
  if (!process.send) console.log(`✔ publisher: 网站目录 ${publisher.servedDir}，预览套接字 ${socket}`)
  const stop = async () => {
    preview.close()
    await publisher.stop()
    await payload.destroy()
    process.exit(0)
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
  process.once('disconnect', stop)
} catch (error) {
  console.error(`✘ publisher 失败：${error instanceof Error ? error.message : String(error)}`)
  if (process.env.DEBUG) console.error(error)
  process.exit(1)
}
