import type { CollectionBeforeChangeHook } from 'payload'
import { parseBuffer } from 'music-metadata'

/**
 * An audio or video upload's length, read from the file itself (`music-metadata`, which counts an
 * MP3's frames when it has no header saying so), so the podcast feed and the player's tracks know
 * the real length rather than the one an editor typed. Other uploads have none.
 */
export const readDuration: CollectionBeforeChangeHook = async ({ data, req }) => {
  const file = req.file
  if (!file) return data
  const type = file.mimetype ?? ''
  if (!type.startsWith('audio/') && !type.startsWith('video/')) return { ...data, duration: null }
  try {
    const { format } = await parseBuffer(
      file.data,
      { mimeType: type, size: file.size },
      { duration: true, skipCovers: true },
    )
    const seconds = format.duration
    return {
      ...data,
      duration:
        seconds && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) / 1000 : null,
    }
  } catch {
    // An unreadable length is not a reason to refuse a file the type check accepted.
    return { ...data, duration: null }
  }
}
