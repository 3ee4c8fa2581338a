import type { Payload } from 'payload'
import { migrateDatabase } from '../database/migrateDatabase'

/** A Local API instance for scripts: config loaded after the environment, schema migrated. */
export async function openPayload(): Promise<Payload> {
  process.env.PAYLOAD_JOBS_AUTORUN ??= 'false'
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('../payload.config')])
  const payload = await getPayload({ config })
  await migrateDatabase(payload)
  return payload
}

/** Runs a script body, printing one result line and exiting non-zero on any failure. */
export async function runScript(name: string, body: () => Promise<string>): Promise<void> {
  try {
    const summary = await body()
    console.log(`✔ ${name}: ${summary}`)
    process.exit(0)
  } catch (error) {
    console.error(`✘ ${name} 失败：${error instanceof Error ? error.message : String(error)}`)
    if (process.env.DEBUG) console.error(error)
    process.exit(1)
  }
}
