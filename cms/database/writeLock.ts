/**
 * An async mutex: one holder at a time, waiters served in arrival order. A waiter gives up after
 * `timeoutMs`, so a holder that never releases (a bug) shows as an error instead of a silent hang.
 */
export class WriteLock {
  private tail: Promise<void> = Promise.resolve()

  constructor(private readonly timeoutMs: number) {}

  /** Resolves with the release function once the lock is ours; rejects after the timeout. */
  async acquire(): Promise<() => void> {
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    const previous = this.tail
    this.tail = previous.then(() => released)
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs)
    })
    const outcome = await Promise.race([previous.then(() => 'ours' as const), timedOut])
    clearTimeout(timer)
    if (outcome === 'timeout') {
      // Our turn may still come: pass it straight on so the queue keeps moving.
      previous.then(release)
      throw new WriteLockTimeout(this.timeoutMs)
    }
    let done = false
    return () => {
      if (done) return
      done = true
      release()
    }
  }

  /** Runs `work` while holding the lock. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire()
    try {
      return await work()
    } finally {
      release()
    }
  }
}

export class WriteLockTimeout extends Error {
  constructor(timeoutMs: number) {
    super(`waited ${timeoutMs} ms for the database write lock`)
  }
}
