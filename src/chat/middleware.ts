/** A minimal middleware chain in the grammY style: each step calls `next()` at most once to pass the message on. */

export type Next = () => Promise<void>;
export type Middleware<C> = (ctx: C, next: Next) => Promise<void>;

/** Composes middleware into one; calling `next` twice in a step is a bug and throws. */
export function compose<C>(steps: Middleware<C>[]): (ctx: C) => Promise<void> {
  return (ctx) => {
    const run = async (index: number): Promise<void> => {
      const step = steps[index];
      if (!step) return;
      let called = false;
      await step(ctx, async () => {
        if (called) throw new Error(`middleware ${index} called next() twice`);
        called = true;
        await run(index + 1);
      });
    };
    return run(0);
  };
}
