import type { SegmentSource } from '@baruga/protocol';
import { overlaps, subtract } from './intervals';
import type { Track, Warnings } from './tracks';
import { HOUR_MS } from './zoned-time';

/**
 * Interrupts: each active hour, an interrupt's share of voice becomes evenly spaced slots; where the slots of
 * several interrupts would collide, the higher priority keeps the time.
 */

export interface SlotTrack {
  track: Track;
  /** Slot intervals and, in parallel, each one's number within its hour. */
  iv: number[];
  slot: number[];
  sources: SegmentSource[];
}

/** Who holds the screen from the end of the previous stretch to `end`: an interrupt's slot, or none (-1). */
export interface SlotSeg {
  end: number;
  st: SlotTrack | null;
  slot: number;
}

/**
 * The interrupt slots of each hour: the interrupts active in that hour, in priority order, each spread evenly
 * over the hour, and each offset by the slots of those before it so they take turns rather than collide.
 */
export function planSlots(interrupts: Track[], w0: number, w1: number, warnings: Warnings): SlotTrack[] {
  const out: SlotTrack[] = interrupts.map((track) => ({ track, iv: [], slot: [], sources: [] }));
  const cursors = out.map(() => 0);
  for (let h = w0; h < w1; h += HOUR_MS) {
    let phase = 0;
    let share = 0;
    let ids: string[] | null = null;
    for (let t = 0; t < out.length; t++) {
      const st = out[t] as SlotTrack;
      const plan = st.track.ce.interrupt;
      const on = st.track.iv;
      if (!plan || !overlaps(on, h, h + HOUR_MS)) continue;
      const spacing = HOUR_MS / plan.slotsPerHour;
      const offset = phase % spacing;
      let c = cursors[t] as number;
      for (let k = 0; k < plan.slotsPerHour; k++) {
        const s = h + Math.floor(offset + k * spacing);
        const e = s + plan.slotMs;
        while (c < on.length && (on[c + 1] as number) <= s) c += 2;
        // The slot, where the interrupt's event is on.
        for (let j = c; j < on.length && (on[j] as number) < e; j += 2) {
          const ps = Math.max(on[j] as number, s);
          const pe = Math.min(on[j + 1] as number, e);
          if (ps >= pe) continue;
          const n = st.iv.length;
          // A slot spilling past the hour yields to the next hour's own slots.
          if (n > 0 && (st.iv[n - 1] as number) > ps) {
            st.iv[n - 1] = ps;
            if ((st.iv[n - 1] as number) <= (st.iv[n - 2] as number)) {
              st.iv.length -= 2;
              st.slot.length -= 1;
            }
          }
          st.iv.push(ps, pe);
          st.slot.push(k);
        }
      }
      cursors[t] = c;
      phase += plan.slotMs;
      share += plan.shareMs;
      (ids ??= []).push(st.track.ce.id);
    }
    if (share > HOUR_MS && ids) {
      warnings.add({
        code: 'share-over-100',
        message: `interrupts ${ids.map((i) => `"${i}"`).join(', ')} ask for ${Math.round(share / 36_000)} % of an hour together; their slots collide and the lower priority ones lose time`,
        eventIds: ids,
      });
    }
  }
  return out;
}

/** The slot layer over [from, to): highest priority first, each interrupt takes the slot time the ones above it left. */
export function slotLayer(slotTracks: readonly SlotTrack[], from: number, to: number): SlotSeg[] {
  const slotSegs: SlotSeg[] = [];
  // Highest priority first, each interrupt takes the slot time the ones above it left free.
  const claimed: { start: number; end: number; st: SlotTrack; slot: number }[] = [];
  let free: number[] = [from, to];
  for (const st of slotTracks) {
    if (free.length === 0) break;
    let f = 0;
    for (let i = 0; i < st.iv.length; i += 2) {
      const s = st.iv[i] as number;
      const e = st.iv[i + 1] as number;
      while (f < free.length && (free[f + 1] as number) <= s) f += 2;
      for (let k = f; k < free.length && (free[k] as number) < e; k += 2) {
        const ps = Math.max(s, free[k] as number);
        const pe = Math.min(e, free[k + 1] as number);
        if (ps < pe) claimed.push({ start: ps, end: pe, st, slot: st.slot[i / 2] as number });
      }
    }
    free = subtract(free, st.iv);
  }
  if (slotTracks.length > 1) claimed.sort((a, b) => a.start - b.start);
  let at = from;
  for (const c of claimed) {
    if (c.start > at) slotSegs.push({ end: c.start, st: null, slot: -1 });
    const prev = slotSegs[slotSegs.length - 1];
    if (prev && prev.st === c.st && prev.slot === c.slot && c.start === at) prev.end = c.end;
    else slotSegs.push({ end: c.end, st: c.st, slot: c.slot });
    at = c.end;
  }
  if (at < to) slotSegs.push({ end: to, st: null, slot: -1 });
  return slotSegs;
}

/** The source of a segment in one of its slots; one object per slot, shared by the segments in it. */
export function interruptSource(st: SlotTrack, slot: number): SegmentSource {
  let source = st.sources[slot];
  if (!source) {
    const ce = st.track.ce;
    source = {
      kind: 'interrupt',
      eventId: ce.id,
      name: ce.name,
      priority: ce.priority,
      slot,
      slotsPerHour: ce.interrupt?.slotsPerHour ?? 1,
    };
    st.sources[slot] = source;
  }
  return source;
}
