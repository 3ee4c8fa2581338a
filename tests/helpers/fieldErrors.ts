/** The per-field messages of a rejected Payload operation (what the admin shows beside each field). */
export async function fieldErrors(operation: Promise<unknown>): Promise<string[]> {
  try {
    await operation
  } catch (error) {
    const data = (error as { data?: { errors?: { message: string; path?: string }[] } }).data
    if (data?.errors?.length) return data.errors.map((e) => `${e.path ?? ''}: ${e.message}`)
    return [(error as Error).message]
  }
  throw new Error('expected the operation to be rejected, but it succeeded')
}
