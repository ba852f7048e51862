/** Per-ledger memo: ledgers repeat the same deadlines, units and words on many rows, so each is parsed once. */

/** A function of a string that remembers its results for the life of the returned function. */
export function memoize<T>(fn: (text: string) => T): (text: string) => T {
  const results = new Map<string, T>();
  return (text) => {
    let result = results.get(text);
    if (result === undefined) {
      result = fn(text);
      results.set(text, result);
    }
    return result;
  };
}
