/** A file the importer cannot read at all (as opposed to invalid rows, which the preview lists). */
export class ImportFileError extends Error {
  readonly status = 400
}
