import { describe, expect, it } from 'vitest'
import { WriteLock, WriteLockTimeout } from '../../cms/database/writeLock'

describe('WriteLock', () => {
  it('runs holders one at a time, in arrival order', async () => {
    const lock = new WriteLock(5_000)
    const events: string[] = []
    const task = (name: string) =>
      lock.run(async () => {
        events.push(`${name} start`)
        await new Promise((resolve) => setTimeout(resolve, 5))
        events.push(`${name} end`)
      })
    await Promise.all([task('a'), task('b'), task('c')])
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end'])
  })

  it('a waiter gives up after the timeout and the queue keeps moving', async () => {
    const lock = new WriteLock(30)
    const release = await lock.acquire()
    await expect(lock.acquire()).rejects.toBeInstanceOf(WriteLockTimeout)
    const later = lock.run(async () => 'ran')
    release()
    expect(await later).toBe('ran')
  })

  it('a failing holder releases the lock', async () => {
    const lock = new WriteLock(1_000)
    await expect(lock.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await lock.run(async () => 'next')).toBe('next')
  })
})
