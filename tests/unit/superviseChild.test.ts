/** npm start's supervisor: a child that dies is started again after pauses that grow, and stops when told. */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { restartPause, superviseChild } from '../../cms/scripts/superviseChild'

it('restarts a child that dies, with growing pauses, until it stays up', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hongse-supervise-'))
  const counter = path.join(dir, 'runs')
  // Dies on its first three runs (as a publisher whose start fails), then says it is ready and stays.
  const script = `
    const fs = require('node:fs')
    const runs = (fs.existsSync(${JSON.stringify(counter)}) ? Number(fs.readFileSync(${JSON.stringify(counter)}, 'utf8')) : 0) + 1
    fs.writeFileSync(${JSON.stringify(counter)}, String(runs))
    if (runs <= 3) process.exit(1)
    process.send({ type: 'ready' })
    setInterval(() => {}, 1000)
  `
  const pauses: number[] = []
  let readyRuns = 0
  const supervised = superviseChild({
    start: () =>
      spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] }),
    isReady: (message) => (message as { type?: string }).type === 'ready',
    onReady: () => readyRuns++,
    onExit: (_how, pause) => pauses.push(pause),
    pause: (failures) => restartPause(failures) / 20,
  })
  try {
    await supervised.ready // the first run's end already lets the servers start
    for (let waited = 0; readyRuns === 0 && waited < 20_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50))
    expect(readyRuns).toBe(1)
    expect(supervised.starts).toBe(4)
    expect(pauses).toEqual([50, 100, 200])
  } finally {
    supervised.stop('SIGKILL')
    fs.rmSync(dir, { recursive: true, force: true })
  }
}, 30_000)

it('grows the pause from 1 s to at most a minute', () => {
  expect([1, 2, 3, 7, 8, 30].map(restartPause)).toEqual([1000, 2000, 4000, 60_000, 60_000, 60_000])
})
