/**
 * The 继续收听 list on /lectures/ (/lectures/continue.js): the lectures this browser started and
 * has not finished, most recent first, from local storage. Hidden when there are none, and
 * without JavaScript.
 */
import { clock, isFinished, readListening } from './listening'

const section = document.getElementById('continue-listening')
const list = section?.querySelector('ol')
if (section && list) {
  const unfinished = Object.entries(readListening())
    .filter(([, entry]) => !isFinished(entry))
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, 6)
  for (const [path, entry] of unfinished) {
    const item = document.createElement('li')
    const link = document.createElement('a')
    link.href = path
    link.textContent = entry.title
    const progress = document.createElement('span')
    progress.className = 'continue__progress'
    progress.textContent = `听到 ${clock(entry.position)} / ${clock(entry.duration)}`
    item.append(link, progress)
    list.append(item)
  }
  section.hidden = unfinished.length === 0
}
