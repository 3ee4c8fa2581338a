/**
 * Keeps a child process running: when it dies it is started again after a pause that grows
 * (1 s doubling, at most a minute; short again once a run lasted ten minutes), so a process that
 * fails at once is not restarted in a tight loop and one that dies rarely comes back quickly.
 */
import type { ChildProcess } from 'node:child_process'

export const restartPause = (failures: number) =>
  Math.min(60_000, 1000 * 2 ** Math.min(failures - 1, 6))

export interface SupervisedChild {
  /** Resolves once the child said it is ready, or once its first run ended (whatever comes first). */
  ready: Promise<void>
  /** Stops restarting and sends `signal` to the running child. */
  stop: (signal: NodeJS.Signals) => void
  /** How many times the child was started. */
  readonly starts: number
}

export interface SuperviseOptions {
  /** Starts one run of the child (with an IPC channel). */
  start: () => ChildProcess
  /** True for the message that says the child is ready. */
  isReady: (message: unknown) => boolean
  onReady?: (runMs: number) => void
  /** Told each unexpected exit, with the pause before the restart. */
  onExit?: (description: string, pauseMs: number) => void
  pause?: (failures: number) => number
  /** A run that lasted this long resets the pauses. */
  stableMs?: number
}

export function superviseChild({
  start,
  isReady,
  onReady,
  onExit,
  pause = restartPause,
  stableMs = 10 * 60_000,
}: SuperviseOptions): SupervisedChild {
  let child: ChildProcess
  let stopping = false
  let failures = 0
  let starts = 0
  let timer: NodeJS.Timeout | undefined
  let firstRunOver: () => void = () => {}
  const ready = new Promise<void>((resolve) => (firstRunOver = resolve))
  const run = () => {
    const started = Date.now()
    starts++
    child = start()
    child.on('message', (message) => {
      if (!isReady(message)) return
      onReady?.(Date.now() - started)
      firstRunOver()
    })
    // A child that cannot even be spawned reports 'error' and then (usually) 'exit'.
    child.on('error', () => undefined)
    child.once('exit', (code, signal) => {
      if (stopping) return
      failures = Date.now() - started > stableMs ? 1 : failures + 1
      const wait = pause(failures)
      onExit?.(signal ?? `退出码 ${code}`, wait)
      firstRunOver()
      timer = setTimeout(run, wait)
    })
  }
  run()
  return {
    ready,
    stop: (signal) => {
      stopping = true
      clearTimeout(timer)
      child.kill(signal)
    },
    get starts() {
      return starts
    },
  }
}
