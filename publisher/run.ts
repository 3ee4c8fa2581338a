/**
 * The publisher process (`npm start` runs it beside the CMS and the static server; also
 * `npm run publisher`): brings the site up to date, then keeps it so. Tells its parent over IPC
 * when the site can be served, and serves draft previews on a local socket.
 */
import fs from 'node:fs'
import http from 'node:http'
import { loadEnvironment } from '../cms/scripts/loadEnvironment'
import type { PublisherMessage } from './messages'

loadEnvironment()

const send = (message: PublisherMessage) => process.send?.(message)

// A promise nobody awaited must not end the process (Node's default): the site keeps serving and
// the update it belonged to fails and is retried on its own.
process.on('unhandledRejection', (reason) => {
  console.error(
    `[publisher] 未处理的异步错误（已忽略，继续运行）：${reason instanceof Error ? reason.message : String(reason)}`,
  )
})

const [{ openPayload }, settings, publisherSettings, { Publisher }, { createPreviewHandler }] =
  await Promise.all([
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
    noSpaceWhile: process.env.PUBLISHER_FAULT_NO_SPACE_FILE || undefined,
    onUpdate: (result) => send({ type: 'update', result }),
    onFullBuild: (result) => send({ type: 'fullBuild', result }),
  })
  await publisher.start()

  const socket = publisherSettings.publisherSocket()
  fs.rmSync(socket, { force: true })
  const preview = http.createServer(
    createPreviewHandler(publisher, payload, settings.payloadSecret(), settings.mediaDir()),
  )
  await new Promise<void>((resolve) => preview.listen(socket, resolve))

  send({ type: 'ready', ready: true, servedDir: publisher.servedDir, socket })
  if (!process.send)
    console.log(`✔ publisher: 网站目录 ${publisher.servedDir}，预览套接字 ${socket}`)
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
