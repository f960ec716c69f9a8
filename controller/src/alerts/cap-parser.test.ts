import { ErrorCode } from '@baruga/protocol';
import { describe, expect, it } from 'vitest';
import {
  CAP_ENTITY_EXPANSION,
  CAP_EXTERNAL_ENTITY,
  CAP_MISSING_ELEMENTS,
  CAP_UNDECLARED_ENTITY,
  CAP_WRONG_NAMESPACE,
  capHugePolygon,
  capXml,
} from '../testing/cap-fixtures';
import { CAP_LIMITS, parseCap } from './cap-parser';

describe('CAP 1.2, read strictly', () => {
  it('reads a warning: its identity, both languages, its area and its expiry', () => {
    const parsed = parseCap(capXml({ sent: '2025-03-01T08:03:30+08:00', expires: '2025-03-01T10:00:00+08:00' }));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value).toMatchObject({
      identifier: 'BMKG-TEWS-20250301-0001',
      sender: 'inatews@bmkg.go.id',
      sent: '2025-03-01T08:03:30+08:00',
      status: 'Actual',
      msgType: 'Alert',
      scope: 'Public',
    });
    expect(parsed.value.infos.map((i) => [i.language, i.event])).toEqual([
      ['id-ID', 'Gempa bumi'],
      ['en-US', 'Earthquake'],
    ]);
    expect(parsed.value.infos[0]?.areas[0]?.polygons[0]).toHaveLength(5);
    expect(parsed.value.infos[0]?.expires).toBe('2025-03-01T10:00:00+08:00');
  });

  it('reads a Cancel by the messages it names, and circles', () => {
    const cancel = parseCap(
      capXml({
        msgType: 'Cancel',
        references: 'inatews@bmkg.go.id,BMKG-1,2025-03-01T08:03:30+08:00',
        circle: '-5.14,119.42 50',
      }),
    );
    expect(cancel.ok && cancel.value.references).toEqual([
      { sender: 'inatews@bmkg.go.id', identifier: 'BMKG-1', sent: '2025-03-01T08:03:30+08:00' },
    ]);
    expect(cancel.ok && cancel.value.infos[0]?.areas[0]?.circles).toEqual([{ lat: -5.14, lon: 119.42, radiusKm: 50 }]);
    const orphan = parseCap(capXml({ msgType: 'Cancel' }));
    expect(orphan).toMatchObject({ ok: false, error: { code: ErrorCode.capInvalid } });
  });

  it.each([
    ['entity expansion (billion laughs)', CAP_ENTITY_EXPANSION, ErrorCode.capForbiddenMarkup],
    ['an external entity', CAP_EXTERNAL_ENTITY, ErrorCode.capForbiddenMarkup],
    ['an undeclared entity', CAP_UNDECLARED_ENTITY, ErrorCode.capMalformed],
    ['the CAP 1.1 namespace', CAP_WRONG_NAMESPACE, ErrorCode.capNamespace],
    ['no namespace', capXml().replace(' xmlns="urn:oasis:names:tc:emergency:cap:1.2"', ''), ErrorCode.capNamespace],
    ['missing required elements', CAP_MISSING_ELEMENTS, ErrorCode.capInvalid],
    ['a polygon of 100,000 points', capHugePolygon(), ErrorCode.capLimit],
    ['a document cut short', capXml().slice(0, 300), ErrorCode.capMalformed],
    ['a word that is not CAP’s', capXml({ status: 'Real' }), ErrorCode.capInvalid],
  ])('refuses %s with a stable code, quickly', (_what, xml, code) => {
    const started = performance.now();
    const parsed = parseCap(xml);
    expect(parsed).toMatchObject({ ok: false, error: { code } });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses deep nesting and too many elements, and the polygon limit counts every polygon', () => {
    const deep = capXml()
      .replace('<note>', '')
      .replace('</alert>', `${'<x:a xmlns:x="urn:x">'.repeat(20)}${'</x:a>'.repeat(20)}</alert>`);
    expect(parseCap(deep)).toMatchObject({ ok: false, error: { code: ErrorCode.capLimit } });
    const ring = (n: number) => Array.from({ length: n }, (_, i) => `-5.${i % 9},119.${i % 7}`).join(' ');
    const two = capXml({
      polygon: `${ring(CAP_LIMITS.points / 2 + 10)}</polygon><polygon>${ring(CAP_LIMITS.points / 2)}`,
    });
    expect(parseCap(two)).toMatchObject({ ok: false, error: { code: ErrorCode.capLimit } });
  });

  it('skips an XML signature in its own namespace', () => {
    const signed = capXml().replace(
      '</alert>',
      '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo/><SignatureValue>abc</SignatureValue></Signature></alert>',
    );
    expect(parseCap(signed).ok).toBe(true);
  });
});
