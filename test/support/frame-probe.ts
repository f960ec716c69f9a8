import type { Page } from '@playwright/test';

/**
 * An independent witness of what each frame shows, installed before the page loads. On every animation
 * frame it looks at each zone (`.bg-zone`) as a person would: which items are effectively opaque (the
 * product of every ancestor's computed opacity), and whether what they hold can paint (images decoded
 * with pixels, video with a current frame, frames loaded, text present). A frame where a zone has no
 * opaque, paintable item is blank. It trusts none of the player's own state.
 */
export interface FrameProbeReport {
  frames: number;
  blankFrames: number;
  /** Zone ids and times of the first blank frames, for the failure message. */
  blanks: { zone: string; at: number; why: string }[];
  /** Distinct items seen on screen, in order, per zone. */
  sequence: Record<string, string[]>;
  /** Frame intervals (ms) for pacing. */
  intervals: number[];
  /** Zones judged, summed over frames, and how many of those were blank: a grade that does not saturate
   *  when one of many zones is always switching. */
  zoneFrames: number;
  blankZoneFrames: number;
  /** Item changes seen in any zone (never trimmed, unlike `sequence`). */
  switches: number;
  /** Per change, ms from the last frame that painted the old item to the first that painted the new one
   *  (one frame interval when gapless); the first 20,000. */
  switchGaps: number[];
}

declare global {
  interface Window {
    __frameProbe?: { report(): FrameProbeReport; reset(): void };
  }
}

function probeScript() {
  const loadedFrames = new WeakSet<EventTarget>();
  // An element's load event stops at the document (it never reaches window), so listen there.
  document.addEventListener('load', (e) => e.target && loadedFrames.add(e.target), true);
  let frames = 0;
  let blankFrames = 0;
  let blanks: { zone: string; at: number; why: string }[] = [];
  let sequence: Record<string, string[]> = {};
  let intervals: number[] = [];
  let last = 0;
  let zoneFrames = 0;
  let blankZoneFrames = 0;
  let switches = 0;
  let switchGaps: number[] = [];
  let painted: Record<string, { id: string; at: number }> = {};

  const opacityOf = (el: Element | null): number => {
    let o = 1;
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden') return 0;
      o *= Number(style.opacity);
    }
    return o;
  };
  const paintable = (slot: Element): string | null => {
    for (const img of slot.querySelectorAll('img')) {
      if (!img.complete || img.naturalWidth === 0) return 'image not decoded';
    }
    for (const video of slot.querySelectorAll('video')) {
      // A video that has presented a frame keeps it painted while it loops or rebuffers.
      if (video.readyState < 2 && video.getVideoPlaybackQuality().totalVideoFrames === 0) {
        return 'video has no current frame';
      }
    }
    for (const frame of slot.querySelectorAll('iframe')) {
      if (getComputedStyle(frame).visibility !== 'hidden' && !loadedFrames.has(frame)) return 'page not loaded';
    }
    for (const canvas of slot.querySelectorAll('canvas')) {
      if (canvas.width === 0 || canvas.height === 0) return 'canvas empty';
    }
    if (!slot.querySelector('img,video,iframe,canvas') && !(slot.textContent ?? '').trim()) return 'nothing in it';
    return null;
  };

  const tick = (t: number) => {
    if (last) intervals.push(t - last);
    if (intervals.length > 20_000) intervals = intervals.slice(-10_000);
    last = t;
    const zones = document.querySelectorAll('.bg-zone');
    if (zones.length > 0) frames += 1;
    let blank = false;
    for (const zone of zones) {
      if (opacityOf(zone) < 0.99) continue; // a zone being prepared out of sight
      const zoneId = zone.getAttribute('data-zone-id') ?? '?';
      zoneFrames += 1;
      let ok = false;
      let why = 'no item';
      // What a person sees is the topmost opaque item: walk down the stacking order.
      const slots = [...zone.querySelectorAll(':scope > .bg-slot')]
        .map((slot, order) => ({ slot, order, z: Number(getComputedStyle(slot).zIndex) || 0 }))
        .sort((a, b) => b.z - a.z || b.order - a.order);
      for (const { slot } of slots) {
        if (opacityOf(slot) < 0.99) continue; // fading in: what is under it shows through
        const problem = paintable(slot);
        if (problem !== null) {
          why = problem; // an opaque item that cannot paint hides whatever is beneath it
          break;
        }
        ok = true;
        const id = slot.getAttribute('data-item-id') ?? '?';
        const before = painted[zoneId];
        if (before && before.id !== id) {
          switches += 1;
          if (switchGaps.length < 20_000) switchGaps.push(t - before.at);
        }
        painted[zoneId] = { id, at: t };
        const seq = (sequence[zoneId] ??= []);
        if (seq[seq.length - 1] !== id) {
          seq.push(id);
          if (seq.length > 5000) seq.splice(0, seq.length - 2500);
        }
        break;
      }
      if (!ok) {
        blank = true;
        blankZoneFrames += 1;
        if (blanks.length < 20) blanks.push({ zone: zoneId, at: t, why });
      }
    }
    if (blank) blankFrames += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__frameProbe = {
    report: () => ({
      frames,
      blankFrames,
      blanks,
      sequence,
      intervals,
      zoneFrames,
      blankZoneFrames,
      switches,
      switchGaps,
    }),
    reset: () => {
      frames = 0;
      blankFrames = 0;
      blanks = [];
      sequence = {};
      intervals = [];
      last = 0;
      zoneFrames = 0;
      blankZoneFrames = 0;
      switches = 0;
      switchGaps = [];
      painted = {};
    },
  };
}

export async function installFrameProbe(page: Page): Promise<void> {
  // Sent as source text; tools that transpile with keepNames (tsx) wrap functions in `__name`, so define it.
  await page.addInitScript({ content: `globalThis.__name ??= (f) => f;\n(${probeScript.toString()})();` });
}

export async function frameReport(page: Page): Promise<FrameProbeReport> {
  return page.evaluate(() => {
    const probe = window.__frameProbe;
    if (!probe) throw new Error('frame probe not installed');
    return probe.report();
  });
}
