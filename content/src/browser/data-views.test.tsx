import type { ScreenInfo } from '@baruga/protocol';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseContentProps } from '../registry';
import { APBD_SAMPLE } from '../types/apbd-dashboard/sample';
import { ChartProps } from '../types/chart';
import { chartData, chartOption } from '../types/chart/option';
import { pageAt } from '../types/table';
import { contentViews } from './views';

const screen: ScreenInfo = {
  id: 'lounge-1',
  name: 'Lounge',
  width: 1920,
  height: 1080,
  timezone: 'Asia/Makassar',
  locale: 'id-ID',
  public: true,
  location: { lat: -5.14, lon: 119.42 },
};

/** The text a visitor reads (tags gone, non-breaking spaces as spaces). */
function seen(type: string, raw: unknown, now = Date.parse('2025-03-01T04:00:00Z')): string {
  const parsed = parseContentProps(type, 1, raw);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const View = contentViews[type];
  if (!View) throw new Error(`no view for ${type}`);
  const html = renderToStaticMarkup(
    createElement(View, {
      props: parsed.value.props as never,
      screen,
      assetUrl: (s: string) => `/content/${s}`,
      onError: () => {},
      now: () => now,
    }),
  );
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('data widgets, as a visitor reads them', () => {
  it('KPI tiles write Rupiah in words, the share of target, the credit and the sample label', () => {
    const text = seen('kpi', {
      title: 'Pendapatan Daerah',
      table: APBD_SAMPLE,
      sample: true,
      credit: 'BPKAD',
      asOf: '2025-03-01T06:30:00+08:00',
      tiles: [
        {
          label: 'Anggaran',
          column: 'anggaran',
          where: { key: 'kode', equals: '4' },
          format: 'rupiah',
          targetColumn: 'anggaran',
        },
      ],
    });
    expect(text).toContain('Rp 9,74 triliun');
    expect(text).toContain('100% dari target');
    expect(text).toContain('Sumber · Source: BPKAD');
    expect(text).toContain('1 Maret 2025 pukul 06.30 WITA');
    expect(text).toContain('CONTOH · SAMPLE');
  });

  it('the APBD dashboard shows its sample posture, and refuses totals that do not add up', () => {
    expect(seen('apbd-dashboard', {})).toMatch(
      /Pendapatan Revenue Rp 9,74 triliun Realisasi · Realised Rp 7,88 triliun \(80,9%\)/,
    );
    const broken = {
      table: { ...APBD_SAMPLE, rows: APBD_SAMPLE.rows.map((r) => (r.kode === '5.1' ? { ...r, anggaran: 1 } : r)) },
    };
    const text = seen('apbd-dashboard', broken);
    expect(text).toContain('Jumlah tidak sesuai · Totals do not add up');
    expect(text).not.toContain('Rp 9,94 triliun');
  });

  it('the complaints dashboard says red, amber or green in words', () => {
    const text = seen('complaints-dashboard', { breakdown: 'agency' });
    expect(text).toContain('Diterima Received 1.240');
    expect(text).toMatch(/Dinas Pekerjaan Umum 420 73,8% ● Kuning \(watch\)/);
  });

  it('prayer times: the next one and its countdown, the Hijri date, WITA', () => {
    const text = seen('prayer-times', { place: 'Kota Makassar' });
    // 12.00 WITA on 1 March 2025: Zuhur (12.18) is next.
    expect(text).toContain('Menuju Zuhur · Next: Dhuhr 00.18.');
    expect(text).toContain('1 Ramadan 1446 H');
    expect(text).toContain('Subuh Fajr 04.53');
  });

  it('a chart’s figures go through the Indonesian formatter, sorted and cut as asked', () => {
    const props = ChartProps.parse({
      series: [{ column: 'anggaran' }],
      labelKey: 'uraian',
      format: 'rupiah',
      sort: 'desc',
      limit: 2,
    });
    const data = chartData(props, APBD_SAMPLE, 'id');
    expect(data.labels).toEqual(['Belanja Daerah', 'Pendapatan Daerah']);
    const option = chartOption(props, data, { locale: 'id-ID' }) as {
      series: { label: { formatter(p: unknown): string } }[];
    };
    expect(option.series[0]?.label.formatter({ value: 9.74e12 })).toBe('Rp\u00a09,74\u00a0triliun');
  });

  it('turns table pages on the shared clock', () => {
    expect(pageAt(0, 3, 10)).toBe(0);
    expect(pageAt(25_000, 3, 10)).toBe(2);
    expect(pageAt(31_000, 3, 10)).toBe(0);
    expect(pageAt(31_000, 1, 10)).toBe(0);
  });
});
