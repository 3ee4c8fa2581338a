import { spawn, type SpawnOptions } from 'node:child_process'
import fs from 'node:fs'

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)])
    } catch {
      // the process ended while being read
    }
  }
  let total = 0
  const visit = (id: number) => {
    try {
      const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${id}/status`, 'utf8'))
      total += rss ? Number(rss[1]) * 1024 : 0
    } catch {
      // gone
    }
    for (const child of children.get(id) ?? []) visit(child)
  }
  visit(pid)
  return total
}

/** Runs a command to completion, sampling its process tree's memory; returns wall time and peak RSS. */
export async function runMeasured(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<{ seconds: number; peakBytes: number }> {
  const started = performance.now()
  const child = spawn(command, args, { stdio: 'inherit', ...options })
  let peakBytes = 0
  const timer = setInterval(() => (peakBytes = Math.max(peakBytes, treeRss(child.pid!))), 200)
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  clearInterval(timer)
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`)
  return { seconds: (performance.now() - started) / 1000, peakBytes }
}
