import { Mp3Encoder } from '@breezystack/lamejs'

/**
 * A short MP3 (mono, 22.05 kHz, 32 kbps): a soft chord that fades in and out, as a stand-in
 * lecture recording. `seed` shifts the pitch so the files differ.
 */
export function generateMp3({
  seconds = 12,
  seed = 0,
}: { seconds?: number; seed?: number } = {}): Buffer {
  const sampleRate = 22050
  const encoder = new Mp3Encoder(1, sampleRate, 32)
  const base = 220 * 2 ** ((seed % 7) / 12)
  const total = seconds * sampleRate
  const samples = new Int16Array(total)
  for (let i = 0; i < total; i++) {
    const t = i / sampleRate
    const envelope = Math.min(1, t / 1.5, (seconds - t) / 1.5)
    const chord =
      Math.sin(2 * Math.PI * base * t) +
      0.6 * Math.sin(2 * Math.PI * base * 1.25 * t) +
      0.4 * Math.sin(2 * Math.PI * base * 1.5 * t)
    samples[i] = Math.round(chord * envelope * 4000)
  }
  const chunks: Uint8Array[] = []
  for (let offset = 0; offset < total; offset += 1152) {
    const chunk = encoder.encodeBuffer(samples.subarray(offset, offset + 1152))
    if (chunk.length) chunks.push(new Uint8Array(chunk))
  }
  chunks.push(new Uint8Array(encoder.flush()))
  return Buffer.concat(chunks)
}

/** lamejs's MPEG-2.5 Layer III frame at 8 kbps, 8 kHz, mono: 72 bytes, 576 samples (72 ms). */
const frameBytes = 72
const frameSeconds = 576 / 8000

/**
 * A lecture-length MP3 that stays small (8 kbps, 1 KB a second): a chord for the first seconds,
 * then silence to `seconds`. The silence is a run of one hand-made frame (the chord's header, all
 * side information zero: no audio data and no bit reservoir), so an hour costs 3.6 MB and no
 * encoding time. Constant bit rate, so a player's length estimate is exact.
 */
export function generateLectureMp3({
  seconds,
  seed = 0,
}: {
  seconds: number
  seed?: number
}): Buffer {
  const sampleRate = 8000
  const introSeconds = Math.min(6, seconds)
  const encoder = new Mp3Encoder(1, sampleRate, 8)
  const base = 220 * 2 ** ((seed % 7) / 12)
  const total = Math.round(introSeconds * sampleRate)
  const samples = new Int16Array(total)
  for (let i = 0; i < total; i++) {
    const t = i / sampleRate
    const envelope = Math.min(1, t / 1, (introSeconds - t) / 1)
    samples[i] = Math.round(
      (Math.sin(2 * Math.PI * base * t) + 0.5 * Math.sin(2 * Math.PI * base * 1.5 * t)) *
        envelope *
        5000,
    )
  }
  const chunks: Uint8Array[] = []
  for (let offset = 0; offset < total; offset += 1152) {
    const chunk = encoder.encodeBuffer(samples.subarray(offset, offset + 1152))
    if (chunk.length) chunks.push(new Uint8Array(chunk))
  }
  chunks.push(new Uint8Array(encoder.flush()))
  const intro = Buffer.concat(chunks)
  if (intro.length % frameBytes !== 0 || intro[0] !== 0xff)
    throw new Error('generateLectureMp3: lamejs wrote frames of an unexpected size')
  const silent = Buffer.alloc(frameBytes)
  intro.copy(silent, 0, 0, 4)
  silent[2] &= ~0x02 // no padding
  const frames = Math.ceil(seconds / frameSeconds) - intro.length / frameBytes
  return Buffer.concat([intro, ...Array.from({ length: Math.max(0, frames) }, () => silent)])
}
