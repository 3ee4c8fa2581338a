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

/**
 * CPU seconds (user + system) of this process's ended and reaped descendants (Linux /proc:
 * cutime + cstime), so the difference around a child's run is what its whole tree used,
 * worker threads and the processes it waited for included.
 */
function reapedChildrenCpuSeconds(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // Fields 16 and 17 of stat(5), counted from the state (field 3) here.
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond
}
const ticksPerSecond = 100

/**
 * Runs a command to completion, sampling its process tree's memory; returns wall time, peak RSS
 * and the CPU seconds the tree used (divided by the wall time: the cores it kept busy).
 */
export async function runMeasured(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<{ seconds: number; peakBytes: number; cpuSeconds: number }> {
  const cpuBefore = reapedChildrenCpuSeconds()
  const started = performance.now()
  const child = spawn(command, args, { stdio: 'inherit', ...options })
  let peakBytes = 0
  const timer = setInterval(() => (peakBytes = Math.max(peakBytes, treeRss(child.pid!))), 200)
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  clearInterval(timer)
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`)
  return {
    seconds: (performance.now() - started) / 1000,
    peakBytes,
    cpuSeconds: reapedChildrenCpuSeconds() - cpuBefore,
  }
}
