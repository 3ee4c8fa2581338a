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
