import { type LoopItem, type Manifest, OVERLAYS_CUE, parseManifest } from '@baruga/protocol';
import { describe, expect, it } from 'vitest';
import { playbackCues } from './cues';

const text = (id: string, body = id): LoopItem => ({
  id,
  type: 'text',
  typeVersion: 1,
  durationMs: 10_000,
  props: { body },
  sample: false,
});

/** A manifest as the publisher makes it; zones and layouts as an operator writes them (defaults filled in). */
function manifest(parts: Partial<Record<'loop' | 'playlists' | 'layouts' | 'overlays' | 'cues', unknown>>): Manifest {
  const parsed = parseManifest({
    schemaVersion: 2,
    screenId: 'lobi-1',
    version: 1,
    issuedAt: '2026-03-01T00:00:00.000Z',
    expiresAt: '2026-03-08T00:00:00.000Z',
    screen: {
      id: 'lobi-1',
      name: 'Lobi',
      width: 1280,
      height: 720,
      timezone: 'Asia/Makassar',
      locale: 'id-ID',
      public: false,
    },
    loop: [],
    playlists: {},
    schedule: { wallId: null, groups: [], events: [], dayparts: [] },
    assets: [],
    ...parts,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

const AT = new Date('2026-03-02T08:00:00.000Z');
const LATER = new Date('2026-03-02T09:00:00.000Z');

describe('publish cues', () => {
  it('cue nothing in a screen’s first manifest: nothing was on screen before it', () => {
    expect(playbackCues(null, manifest({ loop: [text('a')] }), AT)).toEqual([]);
  });

  it('cue an announcement appended to a loop at itself, from the publish', () => {
    // 1. The loop plays two items; the operator appends a third and publishes.
    const before = manifest({ loop: [text('a'), text('b')] });
    const after = manifest({ loop: [text('a'), text('b'), text('c')] });
    // 2. The loop begins at the new item, now.
    expect(playbackCues(before, after, AT)).toEqual([
      { programme: 'default', zone: 'main', at: AT.toISOString(), index: 2 },
    ]);
  });

  it('cue an edited item, in a layout zone and in an overlay, and leave unchanged zones alone', () => {
    const layout = (agenda: string) => ({
      id: 'rapat',
      name: 'Rapat',
      width: 1280,
      height: 720,
      background: '#000000',
      zones: [
        { id: 'judul', x: 0, y: 0, width: 640, height: 720, items: [text('judul')] },
        { id: 'agenda', x: 640, y: 0, width: 640, height: 720, items: [text('a1'), text('a2', agenda)] },
      ],
    });
    const overlay = (body: string) => [
      { id: 'ticker', x: 0, y: 640, width: 1280, height: 80, items: [text('t', body)] },
    ];
    const before = manifest({ layouts: { rapat: layout('Agenda 1') }, overlays: overlay('Info') });
    const after = manifest({ layouts: { rapat: layout('Agenda 2') }, overlays: overlay('Info banjir') });
    expect(playbackCues(before, after, AT)).toEqual([
      { programme: 'rapat', zone: 'agenda', at: AT.toISOString(), index: 1 },
      { programme: OVERLAYS_CUE, zone: 'ticker', at: AT.toISOString(), index: 0 },
    ]);
  });

  it('cue a new playlist from its first item', () => {
    const before = manifest({ loop: [text('a')] });
    const after = manifest({ loop: [text('a')], playlists: { siaran: [text('s1'), text('s2')] } });
    expect(playbackCues(before, after, AT)).toEqual([
      { programme: 'siaran', zone: 'main', at: AT.toISOString(), index: 0 },
    ]);
  });

  it('keep a zone’s cue while its items stay as they are, so a publish elsewhere does not move it', () => {
    const first = manifest({ loop: [text('a'), text('b')] });
    const second = manifest({ loop: [text('a'), text('b'), text('c')] });
    const cued = { ...second, cues: playbackCues(first, second, AT) };
    const third = manifest({ loop: [text('a'), text('b'), text('c')], playlists: { siaran: [text('s1')] } });
    expect(playbackCues(cued, third, LATER)).toEqual([
      { programme: 'default', zone: 'main', at: AT.toISOString(), index: 2 },
      { programme: 'siaran', zone: 'main', at: LATER.toISOString(), index: 0 },
    ]);
  });

  it('start a list that only lost or reordered items from its first item', () => {
    const before = manifest({ loop: [text('a'), text('b'), text('c')] });
    expect(playbackCues(before, manifest({ loop: [text('a'), text('c')] }), AT)).toEqual([
      { programme: 'default', zone: 'main', at: AT.toISOString(), index: 0 },
    ]);
  });
});
