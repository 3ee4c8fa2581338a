import type { Access } from 'payload'

/** Public content without drafts (speakers, books, media files). */
export const anyone: Access = () => true
