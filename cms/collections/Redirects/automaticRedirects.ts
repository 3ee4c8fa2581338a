/**
 * Redirects that make themselves: when a save moves a live page (a published document's slug
 * changes, an exhibit moves to another exhibition, an exhibition's slug moves all its exhibits),
 * its old path gets a redirect to the document, written with the save's `req`, so it commits in
 * the save's transaction together with the save's queue row, and the publisher takes both in one
 * update. A redirect points at the document, not at a path: renamed again, every old path
 * follows it (no chains), and while it is unpublished or deleted its old paths are 404.
 *
 * A path that becomes a page again (a new document takes an old slug, a document is published
 * back at it) loses its redirect: the page wins. Deleting a document deletes the redirects to it.
 * Unpublishing writes no redirect. Callers switch all of this off with `disableAutomaticRedirects`.
 */
import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionConfig,
  Plugin,
  PayloadRequest,
} from 'payload'
import { canonicalSitePath } from '../../../shared/redirects/sitePaths'
import type { PublicCollection } from '../../../shared/siteContent'
import { exhibitUrl } from '../../../site/src/lib/urls'
import type { Redirect } from '../../payload-types'
import {
  isPageCollection,
  liveExhibitsOf,
  livePagePath,
  pagePathOf,
  whyNotASource,
} from './pagePaths'

declare module 'payload' {
  interface RequestContext {
    /** Off switch for automatic redirects (bulk writers that move pages on purpose). */
    disableAutomaticRedirects?: boolean
  }
}

interface PageBefore {
  path: string | null
  slug: string | null
}
const contextKey = (collection: string, id: number | string) => `pageBefore:${collection}:${id}`

/** A draft save (or an unpublish) never moves a live page to a new path. */
const isDraftSave = (data: { _status?: unknown } | undefined) => data?._status === 'draft'

/** Notes the page path the document has before the save writes anything. */
const rememberPagePath: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc || context.disableAutomaticRedirects) return data
  if (isDraftSave(data)) return data
  const slug = collection.slug as PublicCollection
  const path = collection.versions?.drafts
    ? await livePagePath(req, slug, originalDoc.id)
    : await pagePathOf(req, slug, originalDoc)
  context[contextKey(slug, originalDoc.id)] = {
    path,
    slug: path ? (originalDoc.slug ?? null) : null,
  } satisfies PageBefore
  return data
}

/** After the save: redirects from where the page was, none from where it is. */
const redirectMovedPage: CollectionAfterChangeHook = async ({
  collection,
  context,
  data,
  doc,
  req,
}) => {
  if (context.disableAutomaticRedirects || isDraftSave(data)) return doc
  const slug = collection.slug as PublicCollection
  const before = (context[contextKey(slug, doc.id)] as PageBefore | undefined) ?? {
    path: null,
    slug: null,
  }
  const after = collection.versions?.drafts
    ? await livePagePath(req, slug, doc.id)
    : await pagePathOf(req, slug, doc)
  if (after === before.path) return doc
  await movePage(req, before.path, after, { relationTo: slug, value: doc.id })
  if (slug === 'exhibitions') {
    // Every exhibit's page lies under its exhibition's slug.
    for (const exhibit of await liveExhibitsOf(req, doc.id)) {
      const exhibitSlug = exhibit.slug || String(exhibit.id)
      const pathUnder = (exhibitionSlug: string | null) =>
        exhibitionSlug === null ? null : canonicalSitePath(exhibitUrl(exhibitionSlug, exhibitSlug))
      await movePage(req, pathUnder(before.slug), pathUnder(after ? (doc.slug ?? null) : null), {
        relationTo: 'exhibits',
        value: exhibit.id,
      })
    }
  }
  return doc
}

/** A document a redirect leads to (ids are numbers on SQLite, strings on MongoDB). */
interface Reference {
  relationTo: PublicCollection
  value: number | string
}

async function movePage(
  req: PayloadRequest,
  before: string | null,
  after: string | null,
  reference: Reference,
): Promise<void> {
  if (before === after) return
  if (after) await removeRedirectsFrom(req, after)
  if (before && after) await redirectToDocument(req, before, reference)
}

const findRedirects = async (
  req: PayloadRequest,
  where: Parameters<PayloadRequest['payload']['db']['find']>[0]['where'],
) =>
  (await req.payload.db.find({ collection: 'redirects', where, pagination: false, limit: 0, req }))
    .docs as Redirect[]

/** The page is (back) at `path`: a redirect from there would hide it. */
async function removeRedirectsFrom(req: PayloadRequest, path: string): Promise<void> {
  for (const redirect of await findRedirects(req, { from: { equals: path } }))
    await req.payload.delete({
      collection: 'redirects',
      id: redirect.id,
      overrideAccess: true,
      req,
    })
}

/**
 * `removeRedirectsFrom` for many new pages at once (bulk writers that switch the per-save hook
 * off): one query per 500 paths instead of one per document.
 */
export async function removeRedirectsFromPaths(
  req: PayloadRequest,
  paths: readonly string[],
): Promise<void> {
  for (let start = 0; start < paths.length; start += 500) {
    const batch = paths.slice(start, start + 500)
    for (const redirect of await findRedirects(req, { from: { in: batch } }))
      await req.payload.delete({
        collection: 'redirects',
        id: redirect.id,
        overrideAccess: true,
        req,
      })
  }
}

/** `from` → the document (a new redirect, or an existing one from there pointed at it). */
async function redirectToDocument(
  req: PayloadRequest,
  from: string,
  reference: Reference,
): Promise<void> {
  // Never fail the editor's save: a path that cannot be a source (a page again) gets no redirect.
  if (await whyNotASource(req, from)) return
  const to = {
    type: 'reference' as const,
    reference: reference as NonNullable<Redirect['to']['reference']>,
    url: null,
  }
  const [existing] = await findRedirects(req, { from: { equals: from } })
  if (existing) {
    await req.payload.update({
      collection: 'redirects',
      id: existing.id,
      data: { to, origin: 'auto' },
      depth: 0,
      overrideAccess: true,
      req,
    })
  } else {
    await req.payload.create({
      collection: 'redirects',
      data: { from, to, origin: 'auto' },
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
}

/**
 * A deleted document's redirects go with it (before the delete: its relationship rows are
 * removed with it), so its old paths answer 404 unless an editor points them somewhere.
 */
const forgetRedirectsTo: CollectionBeforeDeleteHook = async ({ collection, context, id, req }) => {
  if (context.disableAutomaticRedirects) return
  const redirects = await findRedirects(req, {
    and: [
      { 'to.type': { equals: 'reference' } },
      { 'to.reference.relationTo': { equals: collection.slug } },
      { 'to.reference.value': { equals: id } },
    ],
  })
  for (const redirect of redirects)
    await req.payload.delete({
      collection: 'redirects',
      id: redirect.id,
      overrideAccess: true,
      req,
    })
}

function withAutomaticRedirects(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeChange: [...(hooks.beforeChange ?? []), rememberPagePath],
      afterChange: [...(hooks.afterChange ?? []), redirectMovedPage],
      beforeDelete: [...(hooks.beforeDelete ?? []), forgetRedirectsTo],
    },
  }
}

/** Adds the hooks above to every collection with public pages (no collection file changes). */
export const automaticRedirects: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) =>
    isPageCollection(collection.slug) ? withAutomaticRedirects(collection) : collection,
  ),
})
