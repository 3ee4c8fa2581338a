/**
 * `collectionExportPlugin({ collections })`: gives each named collection the export endpoint
 * (GET /api/<slug>/export) and an 导出 menu in its admin list view, without touching the
 * collections' own files.
 */
import type { Config, Plugin } from 'payload'
import { exportEndpoint } from './exportEndpoint'

export interface CollectionExportOptions {
  collections: string[]
}

export const exportMenuComponent = '/cms/components/ExportMenu#ExportMenu'

export function collectionExportPlugin({ collections }: CollectionExportOptions): Plugin {
  return (config: Config): Config => {
    const missing = collections.filter(
      (slug) => !config.collections?.some((collection) => collection.slug === slug),
    )
    if (missing.length) throw new Error(`collectionExportPlugin: 没有集合 ${missing.join('、')}`)
    return {
      ...config,
      collections: config.collections?.map((collection) => {
        if (!collections.includes(collection.slug)) return collection
        if (collection.endpoints === false)
          throw new Error(
            `collectionExportPlugin: 集合 ${collection.slug} 关闭了接口（endpoints: false）`,
          )
        const list = collection.admin?.components?.views?.list
        return {
          ...collection,
          endpoints: [exportEndpoint, ...(collection.endpoints ?? [])],
          admin: {
            ...collection.admin,
            components: {
              ...collection.admin?.components,
              views: {
                ...collection.admin?.components?.views,
                list: {
                  ...list,
                  actions: [
                    ...(list?.actions ?? []),
                    { path: exportMenuComponent, clientProps: { collectionSlug: collection.slug } },
                  ],
                },
              },
            },
          },
        }
      }),
    }
  }
}
