/**
 * The real publisher process (`tsx publisher/run.ts`, as `npm start` runs it) on a test database
 * and releases folder, for tests that kill it: its IPC messages, its output, `kill -9`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import type { PublisherMessage, UpdateResult } from '../../publisher/messages'

const root = path.resolve(import.meta.dirname, '../..')

export class PublisherProcess {
  readonly updates: UpdateResult[] = []
  readonly output: string[] = []
  private readyAt: Promise<void>
  private exited: Promise<void>

  private constructor(readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString())
      if (this.output.length > 200) this.output.shift()
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()))
    this.readyAt = new Promise((resolve, reject) => {
      child.on('message', (message: PublisherMessage) => {
        if (message.type === 'ready') resolve()
        if (message.type === 'update') this.updates.push(message.result)
      })
      child.once('exit', (code, signal) =>
        reject(
          new Error(
            `publisher exited (${signal ?? code}) before it was ready:\n${this.output.join('').slice(-3000)}`,
          ),
        ),
      )
    })
    this.readyAt.catch(() => undefined)
  }

  /** Starts a publisher with the current environment plus `env` (releases folder, fault hooks). */
  static start(env: Record<string, string>): PublisherProcess {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['publisher/run.ts'], {
      cwd: root,
      env: { ...process.env, SITE_FULL_BUILD_HOURS: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    })
    return new PublisherProcess(child)
  }

  ready(): Promise<void> {
    return this.readyAt
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  /** `kill -9`: no handler runs, nothing is flushed or cleaned up. */
  async kill9(): Promise<void> {
    if (!this.running) return
    this.child.kill('SIGKILL')
    await this.exited
  }

  async stop(): Promise<void> {
    if (!this.running) return
    this.child.kill('SIGTERM')
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000)
    await this.exited
    clearTimeout(timer)
  }
}
