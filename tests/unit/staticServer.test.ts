import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createStaticServer } from '../../site/server/staticServer'

let root: string
let server: http.Server
let port: number

/** Files this process has open under `root` (Linux: /proc/self/fd). */
const openFilesUnderRoot = () =>
  fs.readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(root)
    } catch {
      return false
    }
  }).length

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-static-'))
  fs.writeFileSync(path.join(root, 'lecture.mp3'), Buffer.alloc(8 * 1024 * 1024, 7))
  fs.writeFileSync(path.join(root, '404.html'), '<h1>页面未找到</h1>')
  server = createStaticServer(root)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  fs.rmSync(root, { recursive: true, force: true })
})

it('closes the file when a visitor aborts a range request (a seek in the player)', async () => {
  for (let n = 0; n < 5; n++) {
    await new Promise<void>((resolve) => {
      const request = http.get(
        { port, path: '/lecture.mp3', headers: { Range: 'bytes=0-' } },
        (response) => {
          expect(response.statusCode).toBe(206)
          response.once('data', () => {
            request.destroy()
            resolve()
          })
        },
      )
    })
  }
  await expect.poll(openFilesUnderRoot, { timeout: 5000 }).toBe(0)
})

it('answers a page removed meanwhile with the 404 page, and leaves no file open', async () => {
  const response = await fetch(`http://127.0.0.1:${port}/gone/`)
  expect(response.status).toBe(404)
  expect(await response.text()).toContain('页面未找到')
  await expect.poll(openFilesUnderRoot, { timeout: 5000 }).toBe(0)
})
