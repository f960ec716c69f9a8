/** At most `concurrency` jobs at once; the rest wait their turn in order. */
export function createLimit(concurrency: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (active < concurrency) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // a finishing job hands over its slot
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
