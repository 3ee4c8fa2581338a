import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catalogue, toCsv } from '../helpers/bookCatalogue'
import { startTestPayload, type TestPayload } from '../helpers/testPayload'

/**
 * `kill -9` of `npm run import:books` part-way through writing a 3,000-row catalogue: the import
 * is one transaction, so the catalogue and the publisher's queue are exactly as before, and the
 * next import runs normally on the same database.
 */
const root = path.resolve(import.meta.dirname, '../..')

describe.skipIf(process.env.TEST_DATABASE === 'mongodb')(
  'book import killed with SIGKILL part-way [sqlite]',
  () => {
    let t: TestPayload
    let dir: string
    const count = async (collection: 'books' | 'site-changes') =>
      (await t.payload.count({ collection, overrideAccess: true })).totalDocs

    beforeAll(async () => {
      t = await startTestPayload()
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-import-fault-'))
    })
    afterAll(async () => {
      await t?.close()
      fs.rmSync(dir, { recursive: true, force: true })
    })

    /** Runs the CLI on `file`; with `killAfter`, SIGKILLs it once it reports that many rows written. */
    const importBooks = (file: string, killAfter?: number) =>
      new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            path.join(root, 'cms/scripts/importBooks.ts'),
            file,
            '--mode',
            'valid',
          ],
          {
            cwd: root,
            env: { ...process.env, PAYLOAD_LOG_LEVEL: 'fatal' },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        )
        let output = ''
        const read = (chunk: Buffer) => {
          output += chunk.toString()
          const written = [...output.matchAll(/导入中 (\d+)\//g)].map((match) => Number(match[1]))
          if (killAfter !== undefined && Math.max(0, ...written) >= killAfter) child.kill('SIGKILL')
        }
        child.stdout.on('data', read)
        child.stderr.on('data', read)
        child.on('exit', (code, signal) => resolve({ code, signal, output }))
      })

    it('leaves the catalogue and the queue unchanged, and the next import works', async () => {
      const existing = catalogue(3, { firstIndex: 70_000 })
      const first = path.join(dir, 'first.csv')
      fs.writeFileSync(first, toCsv(existing))
      expect((await importBooks(first)).code).toBe(0)
      const before = { books: await count('books'), queue: await count('site-changes') }
      expect(before.books).toBe(3)

      const big = path.join(dir, 'big.csv')
      fs.writeFileSync(big, toCsv(catalogue(3000, { firstIndex: 71_000 })))
      const killed = await importBooks(big, 1000)
      expect(killed.signal, killed.output).toBe('SIGKILL')
      expect(killed.output).toMatch(/导入中 1000\/3000/)
      expect({ books: await count('books'), queue: await count('site-changes') }).toEqual(before)

      const again = await importBooks(first)
      expect(again.output).toMatch(/馆藏没有变化/)
      const small = path.join(dir, 'small.csv')
      fs.writeFileSync(small, toCsv(catalogue(10, { firstIndex: 75_000 })))
      expect((await importBooks(small)).output).toMatch(/新增 10 本/)
      expect(await count('books')).toBe(13)
    }, 600_000)
  },
)
