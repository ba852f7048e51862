/** The store's recordEvent for bot tests that need no database: true the first time an id is seen. */
export function inMemoryEvents(): (id: string, at: string) => Promise<boolean> {
  const seen = new Set<string>();
  return async (id) => {
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  };
}
