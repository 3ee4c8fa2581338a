import type { FieldHook, TextField } from 'payload'
import { ValidationError } from 'payload'
import { isValidSlug, nextSlugCandidate, slugify } from '../../shared/slugify'

const slugTakenMessage = '该网址别名已被使用，请换一个。'

/** Fills an empty slug from the source field, turns typed text into a valid slug and keeps it unique. */
function ensureUniqueSlug(sourceField: string): FieldHook {
  return async ({ value, data, originalDoc: previous, operation, req, collection }) => {
    // On create (a duplicate included: Payload passes the copied document as `originalDoc`) there is no earlier slug.
    const originalDoc = operation === 'update' ? previous : undefined
    const typed = typeof value === 'string' ? value.trim() : ''
    if (!typed && originalDoc?.slug) return originalDoc.slug
    const source = typed || (data?.[sourceField] as string | undefined) || ''
    const base = isValidSlug(typed) ? typed : slugify(source)
    if (!base || !collection) return base || undefined

    const isTaken = async (slug: string) => {
      const { totalDocs } = await req.payload.count({
        collection: collection.slug as 'news',
        where: {
          and: [
            { slug: { equals: slug } },
            ...(originalDoc?.id != null ? [{ id: { not_equals: originalDoc.id } }] : []),
          ],
        },
        overrideAccess: true,
        req,
      })
      return totalDocs > 0
    }

    // An editor's own choice is never silently changed: a clash is an error.
    if (typed && typed === originalDoc?.slug) return typed
    if (typed && (await isTaken(base))) {
      throw new ValidationError(
        { collection: collection.slug, errors: [{ message: slugTakenMessage, path: 'slug' }] },
        req.t,
      )
    }
    const free = await firstFreeSlug(base, isTaken)
    if (free) return free
    throw new ValidationError(
      { collection: collection.slug, errors: [{ message: slugTakenMessage, path: 'slug' }] },
      req.t,
    )
  }
}

/**
 * The slug a new document made from `base` gets: `base`, else `base-2`, `base-3`… (null when
 * even the 999th is taken). Shared with bulk writers, which check a set instead of the database.
 */
export async function firstFreeSlug(
  base: string,
  isTaken: (slug: string) => boolean | Promise<boolean>,
): Promise<string | null> {
  for (let attempt = 1; attempt < 1000; attempt++) {
    const candidate = nextSlugCandidate(base, attempt)
    if (!(await isTaken(candidate))) return candidate
  }
  return null
}

/** Readable, stable, unique URL slug generated from a Chinese field as pinyin; editable by editors. */
export function slugField(sourceField = 'title'): TextField {
  return {
    name: 'slug',
    type: 'text',
    label: '网址别名',
    index: true,
    unique: true,
    admin: {
      position: 'sidebar',
      description:
        '留空时按标题自动生成拼音（如 bai-nian-dang-shi-zhan）。发布后请不要随意修改，以免旧链接失效。',
    },
    // A duplicate gets a fresh slug from its title (Payload's default, `<slug> - Copy`, is not a valid slug).
    hooks: { beforeValidate: [ensureUniqueSlug(sourceField)], beforeDuplicate: [() => ''] },
    validate: (value: string | null | undefined) =>
      !value || isValidSlug(value) || '网址别名只能包含小写字母、数字和连字符。',
  }
}
