/**
 * The podcasts' cover art, drawn here (no upload needed): a square JPEG of `podcastCoverSize`
 * pixels, as Apple Podcasts asks (1400–3000 px, RGB). A microphone with sound waves on the site's
 * red, one colour per series. No text: lettering would depend on the fonts of the machine that
 * builds the site.
 */
import sharp from 'sharp'
import type { LectureSeries } from '../../../shared/vocabulary'
import { podcastCoverSize } from './podcastFeed'

const palettes: Record<LectureSeries | 'all', { from: string; to: string; accent: string }> = {
  all: { from: '#b3261e', to: '#6d0f0b', accent: '#f4c45a' },
  'red-collar': { from: '#c0392b', to: '#7b1410', accent: '#f7d27a' },
  'party-history': { from: '#8e2a1f', to: '#4a0d08', accent: '#e9b44c' },
  ideology: { from: '#a8322b', to: '#5c1a3a', accent: '#f2d49b' },
  policy: { from: '#b8452a', to: '#6a1d0c', accent: '#ffd88a' },
}

export function podcastCoverSvg(series?: LectureSeries): string {
  const { from, to, accent } = palettes[series ?? 'all']
  const size = podcastCoverSize
  const c = size / 2
  const arcs = [260, 360, 460]
    .map(
      (r, i) =>
        `<path d="M ${c - r} ${c - 40} A ${r} ${r} 0 0 0 ${c + r} ${c - 40}" transform="rotate(180 ${c} ${c - 40})" fill="none" stroke="${accent}" stroke-opacity="${0.85 - i * 0.25}" stroke-width="34" stroke-linecap="round"/>`,
    )
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
<rect width="${size}" height="${size}" fill="url(#g)"/>
${arcs}
<rect x="${c - 110}" y="${c - 330}" width="220" height="420" rx="110" fill="${accent}"/>
<path d="M ${c - 190} ${c - 60} v 20 a 190 190 0 0 0 380 0 v -20" fill="none" stroke="${accent}" stroke-width="36" stroke-linecap="round"/>
<rect x="${c - 18}" y="${c + 150}" width="36" height="150" fill="${accent}"/>
<rect x="${c - 150}" y="${c + 290}" width="300" height="40" rx="20" fill="${accent}"/>
<polygon points="${star(c, 230, 90)}" fill="${accent}"/>
</svg>`
}

/** A five-pointed star's points around (cx, cy). */
function star(cx: number, cy: number, radius: number): string {
  const points: string[] = []
  for (let i = 0; i < 10; i++) {
    const r = i % 2 ? radius * 0.4 : radius
    const angle = -Math.PI / 2 + (i * Math.PI) / 5
    points.push(`${(cx + r * Math.cos(angle)).toFixed(1)},${(cy + r * Math.sin(angle)).toFixed(1)}`)
  }
  return points.join(' ')
}

export async function podcastCoverJpeg(series?: LectureSeries): Promise<Buffer> {
  return sharp(Buffer.from(podcastCoverSvg(series)))
    .flatten({ background: '#6d0f0b' })
    .jpeg({ quality: 85, mozjpeg: true })
    .toBuffer()
}
