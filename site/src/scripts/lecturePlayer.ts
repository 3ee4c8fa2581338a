/**
 * The lecture page's player script (/lectures/player.js, ~2 KB gzipped, loaded as a module):
 * - `#t=<seconds>` links (chapters, transcript times) and a click on a transcript segment seek the
 *   player; a `#t=` in the address is honoured when the page opens;
 * - the transcript segment being played is marked (`aria-current`), and under an audio player
 *   the current caption is shown as text;
 * - the speed (1×, 1.25×, 1.5×, 2×) and the position are kept in local storage, and the page
 *   resumes where this browser left off.
 * Everything works without it as links and text.
 */
import { clock, readListening, readRate, rememberPosition, rememberRate } from './listening'

const player = document.getElementById('player') as HTMLMediaElement | null
const box = player?.closest<HTMLElement>('.player')

if (player && box) {
  const path = box.dataset.lecturePath ?? location.pathname
  const title = box.dataset.lectureTitle ?? document.title
  const resumeNote = document.getElementById('player-resume')
  const controls = document.getElementById('player-controls')

  /** Seeks once the metadata is there (loading it first when nothing was loaded yet). */
  const seek = (seconds: number, play: boolean) => {
    const go = () => {
      player.currentTime = seconds
    }
    if (player.readyState) go()
    else {
      player.addEventListener('loadedmetadata', go, { once: true })
      if (!play) {
        player.preload = 'metadata'
        player.load()
      }
    }
    if (play) player.play().catch(() => undefined)
  }
  const secondsOf = (hash: string) => {
    const match = /^#t=(\d+(?:\.\d+)?)$/.exec(hash)
    return match ? Number(match[1]) : null
  }

  document.addEventListener('click', (event) => {
    const target = event.target as Element
    const link = target.closest?.<HTMLAnchorElement>('a[href^="#t="]')
    const segment = link ? null : target.closest?.<HTMLElement>('.transcript__segment')
    // Selecting text in a segment is not a click to seek.
    if (segment && !getSelection()?.isCollapsed) return
    const seconds = link
      ? secondsOf(link.getAttribute('href') ?? '')
      : segment
        ? Number(segment.dataset.start)
        : null
    if (seconds === null || !Number.isFinite(seconds)) return
    event.preventDefault()
    history.replaceState(null, '', `#t=${Math.floor(seconds)}`)
    seek(seconds, true)
  })

  // Speed: kept for every lecture. load() resets playbackRate, so the default is set too.
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('.speed__button')]
  const setRate = (rate: number) => {
    player.defaultPlaybackRate = rate
    player.playbackRate = rate
    for (const button of buttons)
      button.setAttribute('aria-pressed', String(Number(button.dataset.rate) === rate))
  }
  setRate(readRate())
  for (const button of buttons)
    button.addEventListener('click', () => {
      const rate = Number(button.dataset.rate)
      setRate(rate)
      rememberRate(rate)
    })
  if (controls) controls.hidden = false

  // Resume: a `#t=` in the address wins over the remembered position.
  const linked = secondsOf(location.hash)
  const remembered = readListening()[path]
  if (linked !== null) seek(linked, false)
  else if (remembered && remembered.position >= 5) {
    seek(remembered.position, false)
    if (resumeNote) resumeNote.textContent = `已回到上次收听的位置 ${clock(remembered.position)}。`
  }

  let savedAt = 0
  const save = () => {
    if (!player.currentTime || !Number.isFinite(player.duration)) return
    savedAt = player.currentTime
    rememberPosition(path, {
      title,
      position: player.currentTime,
      duration: player.duration,
      at: Date.now(),
    })
  }

  // The transcript segment being played.
  const segments = [...document.querySelectorAll<HTMLElement>('.transcript__segment')].map(
    (element) => ({
      element,
      start: Number(element.dataset.start),
      end: Number(element.dataset.end || Infinity),
    }),
  )
  let current: HTMLElement | null = null
  const mark = () => {
    const time = player.currentTime
    const found = segments.find((segment) => time >= segment.start && time < segment.end)
    const next = found?.element ?? null
    if (next === current) return
    current?.removeAttribute('aria-current')
    next?.setAttribute('aria-current', 'true')
    current = next
  }

  player.addEventListener('timeupdate', () => {
    mark()
    if (Math.abs(player.currentTime - savedAt) >= 5) save()
  })
  player.addEventListener('seeked', () => {
    mark()
    save()
  })
  for (const type of ['pause', 'ended', 'ratechange'] as const) player.addEventListener(type, save)
  addEventListener('pagehide', save)

  // Under an audio player, the current caption as a line of text (a video shows its own).
  const line = document.getElementById('player-captions')
  const captions = [...player.textTracks].find((track) => track.kind === 'captions')
  if (line && captions) {
    captions.mode = 'hidden'
    line.hidden = false
    captions.addEventListener('cuechange', () => {
      line.textContent = [...(captions.activeCues ?? [])]
        .map((cue) => (cue as VTTCue).text)
        .join('\n')
    })
  }
}
