// Finds timers a piece of work leaves behind: an SDK that arms a timer per request and forgets to clear
// it keeps the process (and a jest worker) alive for the whole timeout.
/** Runs `work` and counts the timers of at least `ms` it armed, and those of them still pending after it. */
export async function longTimersOf(work: () => Promise<unknown>, ms: number): Promise<{ armed: number; pending: number }> {
  const pending = new Set<unknown>();
  let armed = 0;
  const realSetTimeout = global.setTimeout;
  const realClearTimeout = global.clearTimeout;
  const set = jest.spyOn(global, "setTimeout").mockImplementation(((callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    const timer = realSetTimeout(() => {
      pending.delete(timer);
      callback(...args);
    }, delay);
    if ((delay ?? 0) >= ms) {
      armed++;
      pending.add(timer);
    }
    return timer;
  }) as typeof setTimeout);
  const clear = jest.spyOn(global, "clearTimeout").mockImplementation((timer) => {
    pending.delete(timer);
    realClearTimeout(timer);
  });
  try {
    await work();
  } finally {
    set.mockRestore();
    clear.mockRestore();
  }
  return { armed, pending: pending.size };
}
