import autocannon from 'autocannon';

/**
 * The API as an operator's console and a monitoring script use it, driven by autocannon: a fixed mix of reads
 * (health, a page of screens, one screen, a page of the delivery view filtered by health, a page of players),
 * round robin over `connections` keep-alive connections, each sending its next request when the answer comes.
 * Latencies are taken from autocannon's per-response timings (ms, sub-millisecond), so percentiles come from
 * every response, not from a histogram rounded to whole milliseconds.
 */
export interface ApiLoadResult {
  latencies: number[];
  seconds: number;
  errors: number;
  non2xx: number;
}

export const API_MIX = (screenId: string) => [
  '/api/health',
  '/api/screens?limit=50',
  `/api/screens/${screenId}`,
  '/api/delivery/screens?limit=50&health=offline',
  '/api/players?limit=50',
];

export async function apiLoad(
  url: string,
  token: string,
  options: { seconds: number; connections: number; paths: readonly string[] },
): Promise<ApiLoadResult> {
  const latencies: number[] = [];
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: { authorization: `Bearer ${token}` },
    requests: options.paths.map((path) => ({ method: 'GET' as const, path })),
  });
  // The tracker's 'response' event: (client, statusCode, bytes, responseTime in ms).
  (instance as unknown as { on(event: 'response', listener: (...args: unknown[]) => void): void }).on(
    'response',
    (...args) => {
      const ms = args[3];
      if (typeof ms === 'number') latencies.push(ms);
    },
  );
  const result = await instance;
  return { latencies, seconds: result.duration, errors: result.errors, non2xx: result.non2xx };
}
