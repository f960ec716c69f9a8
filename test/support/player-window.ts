/** What the player exposes on `window.baruga` (player/src/browser/telemetry.ts), as tests read it. */
declare global {
  interface Window {
    baruga?: {
      shown: { itemId: string; manifestVersion: number; at: number }[];
      manifestVersion: number | null;
      rejected: string[];
      reconnects?: number[];
    };
  }
}
export {};
