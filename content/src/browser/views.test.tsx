import type { ScreenInfo } from '@baruga/protocol';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { contentTypes } from '../registry';
import { runningOffset } from '../types/running-text/view';
import { sandboxFor } from '../types/web-page/view';
import { contentEditors } from './editors';
import { contentViews } from './views';

const screen: ScreenInfo = {
  id: 'videotron-1',
  name: 'Videotron',
  width: 1920,
  height: 640,
  timezone: 'Asia/Makassar',
  locale: 'id-ID',
  public: true,
};

const render = (type: string, props: unknown) => {
  const View = contentViews[type];
  if (!View) throw new Error(`no view for ${type}`);
  return renderToStaticMarkup(
    createElement(View, { props: props as never, screen, assetUrl: (s: string) => `/content/${s}`, onError: () => {} }),
  );
};

/** Types whose views render without a browser (WebGL and live-data views need one: see test/). */
const RENDERED_HERE = [
  'text',
  'image',
  'clock',
  'video',
  'hls',
  'web-page',
  'running-text',
  'kpi',
  'chart',
  'table',
  'prayer-times',
  'apbd-dashboard',
  'complaints-dashboard',
];

describe('every content type has a player view and an editor form', () => {
  it.each(contentTypes.map((t) => t.id))('%s', (id) => {
    expect(contentViews[id]).toBeTypeOf('function');
    expect(contentEditors[id]).toBeTypeOf('function');
  });

  it.each(RENDERED_HERE)('%s renders its defaults, view and form', (id) => {
    const type = contentTypes.find((t) => t.id === id);
    const Editor = contentEditors[id];
    if (!type || !Editor) throw new Error(`no ${id}`);
    for (const lang of ['id', 'en'] as const) {
      const html = renderToStaticMarkup(
        createElement(Editor, { value: type.defaults as never, onChange: () => {}, lang }),
      );
      expect(html).toContain(`data-editor="${id}"`);
      // Each language alone: no "Judul · Title" pairs left from the bilingual labels.
      expect(html).not.toContain(' · ');
    }
    expect(render(id, type.defaults)).toContain(`data-content-type="${id}"`);
  });
});

describe('web page', () => {
  it('is framed without popups, top navigation or the player origin', () => {
    const html = render('web-page', { url: 'https://dashboard.example.id/', refreshS: 60, zoom: 2 });
    expect(html).toContain('sandbox="allow-scripts allow-same-origin"');
    expect(html).toContain('referrerPolicy="no-referrer"');
    expect(html).toContain('width:50%');
    expect(html).toContain('transform:scale(2)');
    expect(sandboxFor('http://10.0.0.2:8080/other', 'http://10.0.0.2:8080')).toBe('allow-scripts');
    expect(sandboxFor('https://example.id/', 'http://10.0.0.2:8080')).toBe('allow-scripts allow-same-origin');
  });
});

describe('running text', () => {
  it('moves as a function of time alone, so screens showing it move in step', () => {
    expect(runningOffset(0, 120, 1000)).toBe(0);
    expect(runningOffset(2_500, 120, 1000)).toBe(300);
    expect(runningOffset(10_000, 120, 1000)).toBe(200); // 1200 px travelled, one 1000-px repetition wrapped
    expect(runningOffset(1_700_000_000_000, 120, 0)).toBe(0);
  });

  it('is sized by its zone and repeats the text (more copies once laid out in a browser)', () => {
    const html = render('running-text', { text: 'Jalan ditutup', fontScale: 0.5, speed: 120, separator: ' • ' });
    // Half the height of its zone (a size container), whatever the screen.
    expect(html).toContain('font-size:50cqh');
    expect(html.match(/Jalan ditutup • /g)?.length).toBeGreaterThanOrEqual(2);
  });
});
