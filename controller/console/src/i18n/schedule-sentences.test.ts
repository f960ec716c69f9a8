import { describe, expect, it } from 'vitest';
import { explanationIn, warningTitle } from './schedule-sentences';

describe('why something plays, in the console language', () => {
  const hides = [
    { eventId: 'b', name: 'Siaran lama', priority: 1, kind: 'event' as const, reason: 'priority' as const },
    { eventId: 'c', name: 'Iklan', priority: 0, kind: 'interrupt' as const, reason: 'priority' as const },
  ];
  const event = { source: { kind: 'event' as const, eventId: 'a', name: 'Rapat harian', priority: 10 }, hides };

  it('says it in Indonesian from the structured source and what it hides', () => {
    expect(explanationIn('id', event)).toBe(
      'Acara "Rapat harian" (prioritas 10) tayang; menyembunyikan "Siaran lama" (prioritas 1, prioritas lebih rendah), ' +
        'sela "Iklan" (prioritas 0, prioritas lebih rendah).',
    );
    expect(explanationIn('id', { source: { kind: 'default' }, hides: [] })).toBe(
      'Tidak ada yang dijadwalkan: putaran bawaan layar yang tayang.',
    );
    const interrupt = {
      source: { kind: 'interrupt' as const, eventId: 'c', name: 'Iklan', priority: 0, slot: 1, slotsPerHour: 3 },
      hides: [],
    };
    expect(explanationIn('id', interrupt)).toBe('Sela "Iklan" (prioritas 0) tayang, slot 2 dari 3 dalam jam ini.');
  });

  it('says it in English in the engine’s own words', () => {
    expect(explanationIn('en', event)).toBe(
      'Event "Rapat harian" (priority 10) plays; it hides "Siaran lama" (priority 1), interrupt "Iklan" (priority 0).',
    );
  });

  it('names every warning code in both languages', () => {
    expect(warningTitle('id', 'hidden-throughout')).toBe(
      'Acara aktif tetapi tertutup acara lain sepanjang rentang ini.',
    );
    expect(warningTitle('en', 'never-fires')).toBe('This event never plays.');
  });
});
