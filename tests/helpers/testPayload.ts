import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { describe } from 'vitest'

const database = process.env.TEST_DATABASE === 'mongodb' ? 'mongodb' : 'sqlite'
const mongoUrl = process.env.MONGODB_URL

/** True when this run is the MongoDB rerun and no server was given. */
export const skipDatabase = database === 'mongodb' && !mongoUrl

/** `describe` that runs on this project's database, or is reported skipped (MongoDB without `MONGODB_URL`). */
export const describeOnDatabase = (name: string, body: () => void) =>
  describe.skipIf(skipDatabase)(
    `${name} [${database}${skipDatabase ? ': MONGODB_URL 未设置，跳过' : ''}]`,
    body,
  )

export interface TestPayload {
  payload: Payload
  mediaDir: string
  close: () => Promise<void>
}

/** A Payload instance on a fresh temporary database and media folder, schema migrated. */
export async function startTestPayload(): Promise<TestPayload> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-test-'))
  const name = `hongse_test_${crypto.randomBytes(4).toString('hex')}`
  process.env.DATABASE_URL =
    database === 'mongodb'
      ? `${mongoUrl!.replace(/\/[^/?]*(\?|$)/, `/${name}$1`)}`
      : `file:${path.join(dir, 'test.db')}`
  process.env.MEDIA_DIR = path.join(dir, 'media')
  process.env.PAYLOAD_SECRET = 'test-secret'
  process.env.PAYLOAD_JOBS_AUTORUN = 'false'
  process.env.PAYLOAD_LOG_LEVEL ??= 'warn'
  const { openPayload } = await import('../../cms/scripts/openPayload')
  const payload = await openPayload()
  return {
    payload,
    mediaDir: process.env.MEDIA_DIR,
    close: async () => {
      if (database === 'mongodb') await payload.db.dropDatabase?.({ adapter: payload.db } as never)
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Creates a user with the given role and returns it (with `collection` set, as Payload's req.user is). */
export async function createUser(payload: Payload, role: 'admin' | 'editor' | 'contributor') {
  const user = await payload.create({
    collection: 'users',
    data: {
      email: `${role}-${crypto.randomBytes(3).toString('hex')}@test.example`,
      password: 'test-password-1',
      name: role,
      roles: [role],
    },
  })
  return { ...user, collection: 'users' as const }
}
