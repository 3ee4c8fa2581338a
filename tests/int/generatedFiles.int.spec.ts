import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeOnDatabase, startTestPayload, type TestPayload } from '../helpers/testPayload'

const isSqlite = process.env.TEST_DATABASE !== 'mongodb'

/** Committed files generated from the Payload config must match it: types, and the SQLite migrations. */
describeOnDatabase('generated files are current', () => {
  let t: TestPayload
  let dir: string
  beforeAll(async () => {
    t = await startTestPayload()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-generated-'))
  })
  afterAll(async () => {
    await t?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('cms/payload-types.ts is what generate:types writes today', async () => {
    const { generateTypes } = await import('payload/node')
    const output = path.join(dir, 'payload-types.ts')
    process.env.PAYLOAD_TS_OUTPUT_PATH = output
    try {
      await generateTypes(t.payload.config, { log: false })
    } finally {
      delete process.env.PAYLOAD_TS_OUTPUT_PATH
    }
    expect(
      fs.readFileSync(output, 'utf8'),
      'run `npm run generate:types` and commit the result',
    ).toBe(fs.readFileSync(path.resolve('cms/payload-types.ts'), 'utf8'))
  })

  it.runIf(isSqlite)(
    'the committed migrations describe the whole schema (nothing left to migrate:create)',
    async () => {
      const migrations = path.join(dir, 'migrations')
      fs.cpSync(path.resolve('cms/database/migrations'), migrations, { recursive: true })
      const db = t.payload.db as unknown as {
        migrationDir: string
        createMigration: (args: object) => Promise<void>
      }
      db.migrationDir = migrations
      // forceAcceptWarning: with no changes Payload writes a blank migration instead of prompting
      // (or exiting the process, which `skipEmpty` does).
      await db.createMigration({
        migrationName: 'drift_check',
        payload: t.payload,
        forceAcceptWarning: true,
      })
      const written = fs
        .readdirSync(migrations)
        .find((name) => name.includes('drift_check') && name.endsWith('.ts'))!
      const statements =
        fs.readFileSync(path.join(migrations, written), 'utf8').match(/db\.run\(sql`[^`]*`/g) ?? []
      expect(statements, 'run `npm run migrate:create -- <name>` and commit the migration').toEqual(
        [],
      )
    },
  )
})
