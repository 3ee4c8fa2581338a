import type { CollectionSlug, Payload } from 'payload'

/**
 * The admin's version diff for a review: the newest version (what would be published) against
 * the live one (the newest published version). Without a live version, Payload compares with the
 * version before. Null when the document has no versions.
 */
export async function versionCompareHref(
  payload: Payload,
  collection: CollectionSlug,
  id: number | string,
): Promise<string | null> {
  const newest = async (published: boolean) => {
    const { docs } = await payload.findVersions({
      collection,
      where: {
        and: [
          { parent: { equals: id } },
          ...(published ? [{ 'version._status': { equals: 'published' } }] : []),
        ],
      },
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { updatedAt: true } as never,
    })
    return docs[0]?.id as number | string | undefined
  }
  const [latest, live] = await Promise.all([newest(false), newest(true)])
  if (latest == null) return null
  const base = `${payload.config.routes.admin}/collections/${collection}/${id}/versions/${latest}`
  return live != null && String(live) !== String(latest) ? `${base}?versionFrom=${live}` : base
}
