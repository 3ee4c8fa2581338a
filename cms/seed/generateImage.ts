import sharp from 'sharp'

export type ImageMotif =
  'mountain' | 'building' | 'star' | 'wave' | 'book' | 'portrait' | 'lecture' | 'timeline'

/** Small deterministic PRNG (mulberry32), so the same seed always draws the same picture. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const palettes = [
  ['#8e1b1b', '#b71c1c', '#d84315', '#ffca28', '#fff3e0'],
  ['#7f0000', '#c62828', '#ef5350', '#ffd54f', '#fffde7'],
  ['#5d1010', '#a31515', '#e57373', '#f9a825', '#fbe9e7'],
  ['#37474f', '#b71c1c', '#ff8a65', '#ffe082', '#eceff1'],
]

function motifShapes(
  motif: ImageMotif,
  width: number,
  height: number,
  next: () => number,
  colors: string[],
): string {
  const [, mid, light, gold, paper] = colors
  const shapes: string[] = []
  switch (motif) {
    case 'mountain':
      for (let layer = 0; layer < 3; layer++) {
        const base = height * (0.55 + layer * 0.15)
        let d = `M0 ${height} L0 ${base}`
        for (let x = 0; x <= width; x += width / 6) d += ` L${x} ${base - next() * height * 0.35}`
        shapes.push(
          `<path d="${d} L${width} ${height} Z" fill="${[mid, light, gold][layer]}" opacity="${0.9 - layer * 0.2}"/>`,
        )
      }
      break
    case 'building':
      for (let i = 0; i < 9; i++) {
        const w = width * (0.06 + next() * 0.06)
        const h = height * (0.3 + next() * 0.55)
        const x = (i / 9) * width + next() * 10
        shapes.push(
          `<rect x="${x}" y="${height - h}" width="${w}" height="${h}" fill="${i % 2 ? mid : light}" opacity="0.85"/>`,
        )
        for (let y = height - h + 12; y < height - 12; y += 22) {
          shapes.push(
            `<rect x="${x + 6}" y="${y}" width="${w - 12}" height="6" fill="${gold}" opacity="0.5"/>`,
          )
        }
      }
      break
    case 'star': {
      const cx = width * (0.3 + next() * 0.4)
      const cy = height * 0.45
      const r = Math.min(width, height) * 0.28
      const points = Array.from({ length: 10 }, (_, i) => {
        const radius = i % 2 ? r * 0.42 : r
        const angle = -Math.PI / 2 + (i * Math.PI) / 5
        return `${cx + radius * Math.cos(angle)},${cy + radius * Math.sin(angle)}`
      })
      for (let i = 0; i < 8; i++) {
        shapes.push(
          `<circle cx="${cx}" cy="${cy}" r="${r * (1.2 + i * 0.35)}" fill="none" stroke="${gold}" stroke-width="3" opacity="${0.5 - i * 0.05}"/>`,
        )
      }
      shapes.push(`<polygon points="${points.join(' ')}" fill="${gold}"/>`)
      break
    }
    case 'wave':
      for (let i = 0; i < 6; i++) {
        const y = height * (0.35 + i * 0.1)
        const amp = 20 + next() * 40
        shapes.push(
          `<path d="M0 ${y} C ${width * 0.25} ${y - amp}, ${width * 0.5} ${y + amp}, ${width} ${y - amp / 2} L${width} ${height} L0 ${height} Z" fill="${i % 2 ? light : gold}" opacity="0.28"/>`,
        )
      }
      break
    case 'book':
      for (let i = 0; i < 7; i++) {
        const w = width * 0.07
        const h = height * (0.4 + next() * 0.3)
        const x = width * 0.18 + i * w * 1.15
        shapes.push(
          `<rect x="${x}" y="${height * 0.85 - h}" width="${w}" height="${h}" rx="4" fill="${[mid, light, gold, paper][i % 4]}"/>`,
        )
      }
      shapes.push(
        `<rect x="${width * 0.12}" y="${height * 0.85}" width="${width * 0.76}" height="10" fill="${gold}"/>`,
      )
      break
    case 'portrait': {
      const cx = width / 2
      shapes.push(
        `<circle cx="${cx}" cy="${height * 0.4}" r="${height * 0.17}" fill="${paper}" opacity="0.9"/>`,
      )
      shapes.push(
        `<ellipse cx="${cx}" cy="${height * 0.95}" rx="${width * 0.3}" ry="${height * 0.3}" fill="${paper}" opacity="0.9"/>`,
      )
      break
    }
    case 'lecture':
      shapes.push(
        `<rect x="${width * 0.15}" y="${height * 0.15}" width="${width * 0.7}" height="${height * 0.45}" rx="8" fill="${paper}" opacity="0.92"/>`,
      )
      for (let i = 0; i < 4; i++) {
        shapes.push(
          `<rect x="${width * 0.2}" y="${height * (0.22 + i * 0.08)}" width="${width * (0.3 + next() * 0.3)}" height="10" fill="${light}"/>`,
        )
      }
      for (let i = 0; i < 12; i++) {
        shapes.push(
          `<circle cx="${width * (0.1 + (i % 6) * 0.16)}" cy="${height * (0.74 + Math.floor(i / 6) * 0.12)}" r="${height * 0.045}" fill="${gold}" opacity="0.8"/>`,
        )
      }
      break
    case 'timeline':
      shapes.push(`<rect x="0" y="${height * 0.55}" width="${width}" height="6" fill="${gold}"/>`)
      for (let i = 0; i < 7; i++) {
        const x = width * (0.08 + i * 0.14)
        const h = height * (0.12 + next() * 0.25)
        shapes.push(
          `<rect x="${x}" y="${height * 0.55 - h}" width="${width * 0.06}" height="${h}" fill="${i % 2 ? light : paper}" opacity="0.85"/>`,
        )
        shapes.push(
          `<circle cx="${x + width * 0.03}" cy="${height * 0.55 + 3}" r="9" fill="${paper}"/>`,
        )
      }
      break
  }
  return shapes.join('')
}

/**
 * Draws an abstract illustration in the brand's palette (no text, so no fonts needed) and
 * encodes it as JPEG. Stand-in photography for the demo content.
 */
export async function generateImage(options: {
  seed: number
  motif: ImageMotif
  width?: number
  height?: number
}): Promise<Buffer> {
  const { seed, motif, width = 1600, height = 1000 } = options
  const next = random(seed)
  const colors = palettes[seed % palettes.length]
  const [dark, mid] = colors
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${dark}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs>
  <rect width="${width}" height="${height}" fill="url(#g)"/>
  ${motifShapes(motif, width, height, next, colors)}
</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer()
}
