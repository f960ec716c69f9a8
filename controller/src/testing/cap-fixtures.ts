/**
 * CAP 1.2 documents for tests: a valid earthquake/tsunami warning over Makassar shaped as Indonesia's warning
 * system sends them, its Update and Cancel, and hostile ones (entity expansion, external entities, a wrong
 * namespace, missing elements, a polygon of 100,000 points).
 */

export interface CapOptions {
  identifier?: string;
  sender?: string;
  sent?: string;
  status?: string;
  msgType?: string;
  scope?: string;
  references?: string;
  expires?: string;
  /** Polygon text ("lat,lon lat,lon …"); a box around Makassar unless given. */
  polygon?: string | null;
  circle?: string | null;
  headline?: string;
  /** Replaces the whole <info> blocks. */
  infos?: string;
}

/** A box around Kota Makassar (−5.0 … −5.3, 119.3 … 119.6), closed. */
export const MAKASSAR_BOX = '-5.0,119.3 -5.0,119.6 -5.3,119.6 -5.3,119.3 -5.0,119.3';

export function capXml(o: CapOptions = {}): string {
  const area = [
    o.polygon === null ? '' : `<polygon>${o.polygon ?? MAKASSAR_BOX}</polygon>`,
    o.circle ? `<circle>${o.circle}</circle>` : '',
  ].join('');
  const info = (language: string, event: string, headline: string, description: string, instruction: string) => `
  <info>
    <language>${language}</language>
    <category>Geo</category>
    <event>${event}</event>
    <urgency>Immediate</urgency>
    <severity>Severe</severity>
    <certainty>Observed</certainty>
    ${o.expires ? `<expires>${o.expires}</expires>` : ''}
    <senderName>BMKG</senderName>
    <headline>${headline}</headline>
    <description>${description}</description>
    <instruction>${instruction}</instruction>
    <area>
      <areaDesc>Kota Makassar dan sekitarnya</areaDesc>
      ${area}
    </area>
  </info>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${o.identifier ?? 'BMKG-TEWS-20250301-0001'}</identifier>
  <sender>${o.sender ?? 'inatews@bmkg.go.id'}</sender>
  <sent>${o.sent ?? new Date().toISOString().replace(/\.\d+Z$/, '+00:00')}</sent>
  <status>${o.status ?? 'Actual'}</status>
  <msgType>${o.msgType ?? 'Alert'}</msgType>
  <scope>${o.scope ?? 'Public'}</scope>
  ${o.references ? `<references>${o.references}</references>` : ''}
  ${
    o.infos ??
    info(
      'id-ID',
      'Gempa bumi',
      o.headline ?? 'Gempa M6,2 berpotensi tsunami di Selat Makassar',
      'Gempa bumi magnitudo 6,2 pukul 08.03 WITA, 45 km barat laut Makassar, kedalaman 10 km.',
      'Jauhi pantai, menuju tempat tinggi.',
    ) +
      info(
        'en-US',
        'Earthquake',
        'M6.2 earthquake, tsunami possible, Makassar Strait',
        'A magnitude 6.2 earthquake at 08:03 WITA, 45 km north-west of Makassar, 10 km deep.',
        'Move away from the coast to high ground.',
      )
  }
</alert>`;
}

/** Billion laughs: ten levels of ten, a gigabyte from a kilobyte if an entity were ever expanded. */
export const CAP_ENTITY_EXPANSION = `<?xml version="1.0"?>
<!DOCTYPE alert [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol9;</identifier></alert>`;

/** An external entity that would read a file of the controller's machine into the alert. */
export const CAP_EXTERNAL_ENTITY = `<?xml version="1.0"?>
<!DOCTYPE alert [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>`;

/** An entity that no DTD declared: XML allows only its five predefined ones. */
export const CAP_UNDECLARED_ENTITY = capXml({ headline: 'Gempa &nbsp; kuat' });

/** CAP 1.1's namespace: Baruga reads 1.2 only. */
export const CAP_WRONG_NAMESPACE = capXml().replace('cap:1.2', 'cap:1.1');

/** No <sent>, <status> or <event>. */
export const CAP_MISSING_ELEMENTS = capXml()
  .replace(/<sent>[^<]*<\/sent>/, '')
  .replace(/<status>[^<]*<\/status>/, '')
  .replace(/<event>[^<]*<\/event>/g, '');

/** One polygon of 100,000 points (about 2 MB of text). */
export function capHugePolygon(points = 100_000): string {
  const ring: string[] = [];
  for (let i = 0; i < points - 1; i++) {
    const a = (i / points) * 2 * Math.PI;
    ring.push(`${(-5.15 + 0.1 * Math.sin(a)).toFixed(5)},${(119.45 + 0.1 * Math.cos(a)).toFixed(5)}`);
  }
  ring.push(ring[0] ?? '');
  return capXml({ polygon: ring.join(' ') });
}
