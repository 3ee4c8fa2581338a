/**
 * What the lecture pages and their scripts agree on: the scripts' URLs (built as fixed entries by
 * integrations/lectureScripts.ts), the speeds offered, and the local-storage keys.
 */

/** The lecture page's player script: seeking, transcript, captions line, speed, resume. */
export const lecturePlayerScript = '/lectures/player.js'
/** The archive page's 继续收听 list. */
export const continueListeningScript = '/lectures/continue.js'

export const playbackRates = [1, 1.25, 1.5, 2] as const

/** Local storage only, never sent anywhere: positions by lecture page, and the chosen speed. */
export const storageKeys = { listening: 'hongse:listening', rate: 'hongse:playback-rate' } as const
