import { pinyin } from 'pinyin-pro'

/** Longest slug kept, in characters; long Chinese titles make long pinyin. */
export const maxSlugLength = 64

/**
 * Readable URL slug from a Chinese (or mixed) title: toneless pinyin syllables joined by
 * hyphens, Latin words and numbers kept, everything else dropped.
 * `slugify('百年党史展')` → `'bai-nian-dang-shi-zhan'`.
 */
export function slugify(title: string): string {
  const syllables = pinyin(title.normalize('NFKC'), {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    v: true,
  })
  const words = syllables
    .join(' ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > maxSlugLength) break
    slug = next
  }
  return slug || words[0]?.slice(0, maxSlugLength) || ''
}

/** True when the text is a well-formed slug: lowercase letters, digits and single hyphens. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= maxSlugLength + 8
}

/** The next candidate when `slug` is taken: `a` → `a-2`, `a-2` → `a-3`. */
export function nextSlugCandidate(base: string, attempt: number): string {
  return attempt <= 1 ? base : `${base}-${attempt}`
}
