/** Where the import page sits under the admin route. */
export const bookImportPath = '/import/books'
