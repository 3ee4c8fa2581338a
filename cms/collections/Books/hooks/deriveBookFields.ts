import type { CollectionBeforeChangeHook } from 'payload'
import { clcClassOf } from '../../../../shared/clc'

/** Derived fields, kept for list filters and the site's browse-by-class pages. */
export const deriveBookFields: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  data.inStock = (data.available ?? originalDoc?.available ?? 0) > 0
  data.clcClass = clcClassOf(data.clc ?? originalDoc?.clc ?? '')
  return data
}
