import type { CollectionBeforeValidateHook } from 'payload'
import { ValidationError } from 'payload'

type Section = { id?: string | null; title?: string | null }

/**
 * `section` stores the id of a section row of the chosen exhibition, which survives renames.
 * API clients may send the section's title instead; it is turned into the id here.
 */
export const resolveSection: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const section = data.section ?? originalDoc?.section
  const exhibitionRef = data.exhibition ?? originalDoc?.exhibition
  if (!section || exhibitionRef == null) return data
  const exhibitionId = typeof exhibitionRef === 'object' ? exhibitionRef.id : exhibitionRef
  const exhibition = await req.payload.findByID({
    collection: 'exhibitions',
    id: exhibitionId,
    depth: 0,
    draft: true,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  const sections = (exhibition?.sections ?? []) as Section[]
  const match =
    sections.find((row) => row.id === section) ?? sections.find((row) => row.title === section)
  if (!match?.id) {
    throw new ValidationError(
      {
        collection: 'exhibits',
        errors: [{ path: 'section', message: `所选展览中没有名为“${section}”的展区。` }],
      },
      req.t,
    )
  }
  data.section = match.id
  return data
}
