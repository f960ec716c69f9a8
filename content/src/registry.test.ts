import { describe, expect, it } from 'vitest';
import { contentTypes, getContentType, parseContentProps } from './registry';
import type { AssetDeliverer } from './content-type';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('every content type', () => {
  it.each(contentTypes.map((t) => [t.id, t] as const))(
    '%s: defaults valid, durations sane, migrations complete',
    (_id, type) => {
      expect(type.props.safeParse(type.defaults).success).toBe(true);
      expect(type.duration.minMs).toBeLessThanOrEqual(type.duration.defaultMs);
      expect(type.duration.defaultMs).toBeLessThanOrEqual(type.duration.maxMs);
      for (let v = 1; v < type.version; v++)
        expect(type.migrations[v], `${type.id} v${v}→v${v + 1}`).toBeTypeOf('function');
      expect(type.label.id.length).toBeGreaterThan(0);
      expect(type.label.en.length).toBeGreaterThan(0);
    },
  );

  it('has a unique id', () => {
    expect(new Set(contentTypes.map((t) => t.id)).size).toBe(contentTypes.length);
  });
});

describe('image', () => {
  it('migrates v1 props (before fill and focal points) to v2 unchanged', () => {
    const v1 = { asset: A, fit: 'contain', alt: 'Peta', background: '#112233' };
    expect(parseContentProps('image', 1, v1)).toMatchObject({ ok: true, value: { version: 2, props: v1 } });
  });

  it('asks for a rendition with its fit, focal point and background', () => {
    const calls: unknown[] = [];
    const deliver: AssetDeliverer = (sha256, rendition) => {
      calls.push([sha256, rendition]);
      return { sha256: B, mime: 'image/jpeg' };
    };
    const type = getContentType('image');
    const parsed = parseContentProps('image', 2, { asset: A, focal: { x: 0.2, y: 0.7 } });
    if (!parsed.ok || !type?.deliver) throw new Error('no image type');
    expect(type.deliver(parsed.value.props, deliver)).toMatchObject({ asset: B, fit: 'cover' });
    expect(calls).toEqual([[A, { fit: 'cover', focal: { x: 0.2, y: 0.7 }, background: '#000000' }]]);
  });

  it('refuses a focal point outside the picture', () => {
    expect(parseContentProps('image', 2, { asset: A, focal: { x: 1.5, y: 0 } }).ok).toBe(false);
  });
});

describe('video', () => {
  it('switches to HLS when the controller delivers a playlist, and sends the poster at screen size', () => {
    const type = getContentType('video');
    const parsed = parseContentProps('video', 1, { asset: A, poster: B });
    if (!parsed.ok || !type?.deliver) throw new Error('no video type');
    const renditions: unknown[] = [];
    const delivered = type.deliver(parsed.value.props, (sha256, rendition) => {
      renditions.push(rendition);
      return sha256 === A
        ? { sha256: 'c'.repeat(64), mime: 'application/vnd.apple.mpegurl' }
        : { sha256: 'd'.repeat(64), mime: 'image/jpeg' };
    });
    expect(delivered).toMatchObject({ asset: 'c'.repeat(64), poster: 'd'.repeat(64), delivery: 'hls' });
    expect(renditions).toEqual([undefined, { fit: 'contain', background: '#000000' }]);
    expect(type.assets(parsed.value.props)).toEqual([A, B]);
  });
});

describe('URLs and text from operators', () => {
  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>', 'not a url'])(
    'refuses %s as a web page or stream URL',
    (url) => {
      expect(parseContentProps('web-page', 1, { url }).ok).toBe(false);
      expect(parseContentProps('hls', 1, { url }).ok).toBe(false);
    },
  );

  it('takes an intranet dashboard and a camera on the command-centre network', () => {
    expect(parseContentProps('web-page', 1, { url: 'http://10.20.0.5:3000/d/budget', refreshS: 60 })).toMatchObject({
      ok: true,
      value: { props: { zoom: 1, refreshS: 60 } },
    });
    expect(parseContentProps('web-page', 1, { url: 'https://x.id/', refreshS: 5 }).ok).toBe(false);
    const hls = getContentType('hls');
    const parsed = parseContentProps('hls', 1, { url: 'http://10.1.1.9/cam1/index.m3u8' });
    expect(parsed.ok && hls?.urls?.(parsed.value.props)).toEqual(['http://10.1.1.9/cam1/index.m3u8']);
  });

  it('keeps running text on one line', () => {
    expect(parseContentProps('running-text', 1, { text: 'Jalan Ahmad Yani ditutup sementara' }).ok).toBe(true);
    expect(parseContentProps('running-text', 1, { text: 'baris satu\nbaris dua' }).ok).toBe(false);
    expect(parseContentProps('running-text', 1, { text: 'a'.repeat(2001) }).ok).toBe(false);
  });
});
