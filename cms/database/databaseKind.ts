/** True for a MongoDB connection string (kept apart from the adapters, which are slow to import). */
export function isMongoUrl(url: string): boolean {
  return /^mongodb(\+srv)?:\/\//.test(url)
}
