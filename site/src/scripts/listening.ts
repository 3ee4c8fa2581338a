/**
 * Where this browser left each lecture, and the speed it listens at: local storage only (nothing
 * is sent anywhere). Shared by the lecture page's player script and the archive's 继续收听 list.
 * Storage that is full, disabled or holds something else is treated as empty.
 */
import { playbackRates, storageKeys } from './playerSettings'

export interface Listened {
  title: string
  /** Position and length in seconds. */
  position: number
  duration: number
  /** When it was last played (ms since 1970), for the order of the list. */
  at: number
}

type Store = Record<string, Listened>

/** At most this many lectures are remembered (the least recent are forgotten). */
const maxRemembered = 50

export function readListening(): Store {
  try {
    const value = JSON.parse(localStorage.getItem(storageKeys.listening) ?? '{}') as unknown
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
    const store: Store = {}
    for (const [path, entry] of Object.entries(value as Record<string, Partial<Listened>>)) {
      if (
        /^\/lectures\/[^/]+\/$/.test(path) &&
        entry &&
        typeof entry.title === 'string' &&
        Number.isFinite(entry.position) &&
        Number.isFinite(entry.duration) &&
        Number.isFinite(entry.at)
      )
        store[path] = entry as Listened
    }
    return store
  } catch {
    return {}
  }
}

function writeListening(store: Store): void {
  const kept = Object.entries(store)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, maxRemembered)
  try {
    localStorage.setItem(storageKeys.listening, JSON.stringify(Object.fromEntries(kept)))
  } catch {
    // full or disabled: nothing is remembered
  }
}

/** Remembers a position; a lecture played to (nearly) its end is forgotten, as finished. */
export function rememberPosition(path: string, entry: Listened): void {
  const store = readListening()
  if (isFinished(entry)) delete store[path]
  else store[path] = entry
  writeListening(store)
}

/** Finished: within the last 15 seconds (or 2 %) of the recording. */
export const isFinished = ({ position, duration }: Pick<Listened, 'position' | 'duration'>) =>
  duration > 0 && position >= duration - Math.max(15, duration * 0.02)

export function readRate(): number {
  try {
    const rate = Number(localStorage.getItem(storageKeys.rate))
    return (playbackRates as readonly number[]).includes(rate) ? rate : 1
  } catch {
    return 1
  }
}

export function rememberRate(rate: number): void {
  try {
    localStorage.setItem(storageKeys.rate, String(rate))
  } catch {
    // not remembered
  }
}

/** Seconds → `mm:ss` or `h:mm:ss`. */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds))
  const pad = (value: number) => String(value).padStart(2, '0')
  const hours = Math.floor(whole / 3600)
  const rest = `${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`
  return hours ? `${hours}:${rest}` : rest
}
