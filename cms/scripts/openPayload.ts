import type { Payload } from 'payload'
import { migrateDatabase } from '../database/migrateDatabase'

/** A Local API instance for scripts: config loaded after the environment, schema migrated. */
export async function openPayload(): Promise<Payload> {
  process.env.PAYLOAD_JOBS_AUTORUN ??= 'false'
  const [{ getPayload }, { default: config }] = await Promise.all([
    import('payload'),
    import('../payload.config'),
  ])
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

/** Command-line options parsed by `parse`, or an error that names the unknown option and shows `usage`. */
export function parseArguments<T>(parse: () => T, usage: string): T {
  try {
    return parse()
  } catch (error) {
    const option = /'(-[^' ]+)/.exec((error as Error).message)?.[1]
    const problem =
      (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
        ? `参数 ${option} 缺少值。`
        : option
          ? `无法识别的参数 ${option}。`
          : '参数有误。'
    throw new Error(`${problem}${usage}`, { cause: error })
  }
}
