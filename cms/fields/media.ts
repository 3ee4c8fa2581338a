import type { UploadField } from 'payload'

type Options = { name: string; label: string; required?: boolean; description?: string }

/** An image from the media library. */
export function imageField({ name, label, required, description }: Options): UploadField {
  return {
    name,
    label,
    type: 'upload',
    relationTo: 'media',
    required,
    filterOptions: { mimeType: { contains: 'image' } },
    ...(description ? { admin: { description } } : {}),
  }
}
