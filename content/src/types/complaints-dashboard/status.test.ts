import { describe, expect, it } from 'vitest';
import { parseContentProps } from '../../registry';
import { COMPLAINTS_SAMPLE } from './sample';
import { complaintLines, personalColumns, ragOf, totalsOf } from './status';

const targets = { resolvedPct: 80, amberPct: 60, stalledPct: 5 };

describe('complaint statistics', () => {
  it('judges red, amber and green against the service-level targets', () => {
    expect(ragOf(85, 2, targets)).toBe('green');
    expect(ragOf(75, 2, targets)).toBe('amber');
    expect(ragOf(85, 7, targets)).toBe('amber');
    expect(ragOf(55, 2, targets)).toBe('red');
    expect(ragOf(90, 11, targets)).toBe('red');
    expect(ragOf(null, null, targets)).toBeNull();
  });

  it('reads the sample: totals, and each breakdown adds up to them', () => {
    const lines = complaintLines(COMPLAINTS_SAMPLE, targets);
    const total = totalsOf(lines, targets);
    expect(total).toMatchObject({ received: 1240, resolved: 968, rag: 'amber' });
    for (const dimension of ['topic', 'agency', 'district'] as const) {
      const sum = lines.filter((l) => l.dimension === dimension).reduce((a, l) => a + l.received, 0);
      expect(sum, dimension).toBe(total.received);
    }
  });

  it('refuses rows that carry a person: as props, and as a feed the view checks', () => {
    const withPerson = {
      ...COMPLAINTS_SAMPLE,
      columns: [...COMPLAINTS_SAMPLE.columns, { key: 'nama_pelapor', label: 'Nama pelapor', type: 'text' as const }],
    };
    expect(personalColumns(withPerson)).toEqual(['nama_pelapor', 'Nama pelapor']);
    expect(personalColumns({ ...COMPLAINTS_SAMPLE, columns: [{ key: 'NIK', label: 'x', type: 'text' }] })).toEqual([
      'NIK',
    ]);
    expect(personalColumns(COMPLAINTS_SAMPLE)).toEqual([]);
    expect(parseContentProps('complaints-dashboard', 1, { table: withPerson }).ok).toBe(false);
    expect(parseContentProps('complaints-dashboard', 1, {}).ok).toBe(true);
  });
});
