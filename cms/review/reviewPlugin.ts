/**
 * `reviewPlugin()`: review before publishing (三审) on the collections in reviewedCollections.ts,
 * wired in one place so the collections' own files stay about their content:
 *
 * - the `review` group (reviewField) and the rules on every save (enforceReview),
 * - `POST /api/<collection>/<id>/review/<action>` and the GraphQL mutation `reviewDocument`,
 * - the admin's review controls and publish button on the edit view, the 待审核 panel on the dashboard,
 * - the settings (`reviewSteps`, `editorsNeedReview`) in the `site` global.
 */
import type { CollectionConfig, Config, Plugin, UIField } from 'payload'
import { dropClientReview, enforceReview, noteRestoreMode } from './enforceReview'
import { reviewedCollections } from './reviewedCollections'
import { reviewEndpoint } from './reviewEndpoint'
import { reviewField } from './reviewField'
import { reviewMutations } from './reviewGraphQL'
import { reviewSettingsFields } from './reviewSettings'

export const reviewComponents = {
  controls: '/cms/components/Review/ReviewControls#ReviewControls',
  publishButton: '/cms/components/Review/ReviewPublishButton#ReviewPublishButton',
  notice: '/cms/components/Review/ReviewNotice#ReviewNotice',
  dashboard: '/cms/components/Review/ReviewQueuePanel#ReviewQueuePanel',
}

/** The notice above the form: the return comment, or that an edit ended the review. */
const reviewNoticeField: UIField = {
  name: 'reviewNotice',
  type: 'ui',
  admin: { disableListColumn: true, components: { Field: reviewComponents.notice } },
}

function withReview(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  const edit = collection.admin?.components?.edit
  const withSlug = (path: string) => ({ path, clientProps: { collectionSlug: collection.slug } })
  return {
    ...collection,
    endpoints: [...(collection.endpoints || []), reviewEndpoint],
    hooks: {
      ...hooks,
      // First of all (the plugin is applied after strictInput, whose check it must precede).
      beforeOperation: [dropClientReview, ...(hooks.beforeOperation ?? []), noteRestoreMode],
      // First, so later hooks' own changes (publishedAt stamped on publishing) are not edits.
      beforeChange: [enforceReview, ...(hooks.beforeChange ?? [])],
    },
    admin: {
      ...collection.admin,
      components: {
        ...collection.admin?.components,
        edit: {
          ...edit,
          beforeDocumentControls: [
            ...(edit?.beforeDocumentControls ?? []),
            withSlug(reviewComponents.controls),
          ],
          PublishButton: withSlug(reviewComponents.publishButton),
        },
      },
    },
    fields: [reviewNoticeField, ...collection.fields, reviewField()],
  }
}

export function reviewPlugin(): Plugin {
  return (config: Config): Config => {
    const mutations = config.graphQL?.mutations
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) =>
        (reviewedCollections as readonly string[]).includes(collection.slug)
          ? withReview(collection)
          : collection,
      ),
      globals: (config.globals ?? []).map((global) =>
        global.slug === 'site'
          ? { ...global, fields: [...global.fields, ...reviewSettingsFields()] }
          : global,
      ),
      graphQL: {
        ...config.graphQL,
        mutations: (GraphQL, payload) => ({
          ...(mutations ? mutations(GraphQL, payload) : {}),
          ...reviewMutations(GraphQL),
        }),
      },
      admin: {
        ...config.admin,
        components: {
          ...config.admin?.components,
          // Before the 网站状态 panel: what waits for a person comes first.
          beforeDashboard: [
            reviewComponents.dashboard,
            ...(config.admin?.components?.beforeDashboard ?? []),
          ],
        },
      },
    }
  }
}
