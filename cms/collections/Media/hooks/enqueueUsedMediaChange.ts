import type { CollectionAfterChangeHook } from 'payload'
import { enqueueDocumentChange } from '../../../hooks/enqueueDocumentChange'

/** A new upload is on no page yet; only an edit (alt text, focal point, file) can change the site. */
export const enqueueUsedMediaChange: CollectionAfterChangeHook = (args) => (args.operation === 'update' ? enqueueDocumentChange(args) : args.doc)
