/** Waiting in a test for something the service does in the background (a reply posted, a card updated). */

/** Polls `read` every 20 ms until it gives a value; throws naming `what` after `timeoutMs`. */
export async function until<T>(read: () => T | undefined | null | false, what: string, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
