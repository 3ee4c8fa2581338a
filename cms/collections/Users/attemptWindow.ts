/**
 * Counts events per key (a client address) in a sliding window, in memory: the CMS is one
 * process. Keys are dropped once their window passes, and the map is bounded, so a flood of
 * forged keys cannot grow it without end.
 */
export class AttemptWindow {
  private readonly events = new Map<string, number[]>()

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const times = (this.events.get(key) ?? []).filter((time) => now - time < this.windowMs)
    if (times.length) this.events.set(key, times)
    else this.events.delete(key)
    return times
  }

  /** Seconds to wait before the key may try again; 0 when it may now. */
  retryAfter(key: string, now = Date.now()): number {
    const times = this.recent(key, now)
    if (times.length < this.limit) return 0
    return Math.max(1, Math.ceil((times[times.length - this.limit]! + this.windowMs - now) / 1000))
  }

  record(key: string, now = Date.now()): void {
    if (!this.events.has(key) && this.events.size >= this.maxKeys) {
      // Drop the oldest key (Map keeps insertion order).
      const oldest = this.events.keys().next().value
      if (oldest !== undefined) this.events.delete(oldest)
    }
    this.events.set(key, [...this.recent(key, now), now])
  }

  /** Takes back the latest event (a login that succeeded was not a failure). */
  forgive(key: string): void {
    const times = this.events.get(key)
    if (!times?.length) return
    times.pop()
    if (!times.length) this.events.delete(key)
  }

  clear(): void {
    this.events.clear()
  }
}
