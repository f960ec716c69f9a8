import { CAP_NAMESPACE, CapMessage, ErrorCode, type Result, err, ok } from '@baruga/protocol';
import { SaxesParser } from 'saxes';
import { z } from 'zod';

/**
 * CAP 1.2 XML read strictly and within limits, before anything acts on it (docs/alerts.md):
 * - no DTD, so no entity can be declared: no billion laughs, no external entity reading a file or a URL;
 * - only XML's five predefined entities and character references (saxes refuses any other);
 * - the document, each element's text, the nesting depth, the element count and the area points are bounded;
 * - the root is `alert` in the CAP 1.2 namespace; elements of other namespaces (an XML signature) are skipped;
 * - what it says is then checked against the protocol's CapMessage schema (required elements, vocabularies).
 */

export const CAP_LIMITS = {
  bytes: 1024 * 1024,
  depth: 12,
  elements: 20_000,
  textChars: 16_000,
  /** All polygon points of a message together. */
  points: 20_000,
} as const;

interface Element {
  name: string;
  children: Element[];
  text: string;
}

class CapRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const refuse = (code: string, message: string): never => {
  throw new CapRefusal(code, message);
};

/** The XML as a tree of CAP elements (local names), within the limits. */
function readTree(xml: string): Element {
  if (Buffer.byteLength(xml) > CAP_LIMITS.bytes) {
    refuse(ErrorCode.capLimit, `a CAP message may be at most ${CAP_LIMITS.bytes / 1024} KiB`);
  }
  // Said before parsing, in plain words: these never reach the parser.
  if (/<!DOCTYPE/i.test(xml))
    refuse(ErrorCode.capForbiddenMarkup, 'a DTD (<!DOCTYPE>) is not accepted in CAP messages');
  if (/<!ENTITY/i.test(xml))
    refuse(ErrorCode.capForbiddenMarkup, 'entity declarations are not accepted in CAP messages');

  const parser = new SaxesParser({ xmlns: true, position: false });
  const stack: Element[] = [];
  let root: Element | null = null;
  let elements = 0;
  let skipping = 0;
  parser.on('doctype', () => refuse(ErrorCode.capForbiddenMarkup, 'a DTD is not accepted in CAP messages'));
  parser.on('opentag', (tag) => {
    if (stack.length === 0 && root === null) {
      if (tag.local !== 'alert') refuse(ErrorCode.capInvalid, `the root element is <${tag.name}>, not <alert>`);
      if (tag.uri !== CAP_NAMESPACE) {
        refuse(
          ErrorCode.capNamespace,
          `<alert> is in namespace "${tag.uri || '(none)'}", not CAP 1.2's ${CAP_NAMESPACE}`,
        );
      }
    }
    if (++elements > CAP_LIMITS.elements) refuse(ErrorCode.capLimit, `more than ${CAP_LIMITS.elements} elements`);
    if (stack.length + skipping >= CAP_LIMITS.depth)
      refuse(ErrorCode.capLimit, `elements nested deeper than ${CAP_LIMITS.depth}`);
    if (skipping > 0 || tag.uri !== CAP_NAMESPACE) {
      skipping += 1;
      return;
    }
    const element: Element = { name: tag.local, children: [], text: '' };
    stack.at(-1)?.children.push(element);
    stack.push(element);
    root ??= element;
  });
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (!current || skipping > 0) return;
    current.text += text;
    if (current.text.length > CAP_LIMITS.textChars) {
      refuse(ErrorCode.capLimit, `<${current.name}> holds more than ${CAP_LIMITS.textChars} characters`);
    }
  });
  parser.on('cdata', (text) => {
    const current = stack.at(-1);
    if (current && skipping === 0) current.text += text;
  });
  parser.on('closetag', () => {
    if (skipping > 0) skipping -= 1;
    else stack.pop();
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof CapRefusal) throw error;
    refuse(ErrorCode.capMalformed, `not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!root) refuse(ErrorCode.capMalformed, 'no <alert> element');
  return root as unknown as Element;
}

const text = (e: Element | undefined) => e?.text.trim() || undefined;
const child = (e: Element, name: string) => e.children.find((c) => c.name === name);
const childrenNamed = (e: Element, name: string) => e.children.filter((c) => c.name === name);

function pairs(raw: string, budget: { points: number }): [number, number][] {
  const points = raw.trim().split(/\s+/);
  budget.points -= points.length;
  if (budget.points < 0) refuse(ErrorCode.capLimit, `area polygons have more than ${CAP_LIMITS.points} points in all`);
  const ring = points.map((p): [number, number] => {
    const [lat, lon] = p.split(',').map(Number);
    if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      return refuse(ErrorCode.capInvalid, `polygon point "${p.slice(0, 40)}" is not "lat,lon"`);
    }
    return [lat, lon];
  });
  // CAP requires a closed ring; an open one is closed rather than refused.
  const [first, last] = [ring[0], ring.at(-1)];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push(first);
  return ring;
}

function circle(raw: string) {
  const [centre, radius] = raw.trim().split(/\s+/);
  const [lat, lon] = (centre ?? '').split(',').map(Number);
  return { lat, lon, radiusKm: Number(radius) };
}

/** The tree as the plain object CapMessage checks. */
function capObject(alert: Element): unknown {
  const budget = { points: CAP_LIMITS.points };
  return {
    identifier: text(child(alert, 'identifier')),
    sender: text(child(alert, 'sender')),
    sent: text(child(alert, 'sent')),
    status: text(child(alert, 'status')),
    msgType: text(child(alert, 'msgType')),
    scope: text(child(alert, 'scope')),
    source: text(child(alert, 'source')),
    note: text(child(alert, 'note')),
    references: (text(child(alert, 'references')) ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((r) => {
        const [sender = '', identifier = '', sent = ''] = r.split(',');
        return { sender, identifier, sent };
      }),
    infos: childrenNamed(alert, 'info').map((info) => ({
      language: text(child(info, 'language')),
      category: childrenNamed(info, 'category').map((c) => text(c)),
      event: text(child(info, 'event')),
      urgency: text(child(info, 'urgency')),
      severity: text(child(info, 'severity')),
      certainty: text(child(info, 'certainty')),
      effective: text(child(info, 'effective')),
      onset: text(child(info, 'onset')),
      expires: text(child(info, 'expires')),
      senderName: text(child(info, 'senderName')),
      headline: text(child(info, 'headline')),
      description: text(child(info, 'description')),
      instruction: text(child(info, 'instruction')),
      web: text(child(info, 'web')),
      areas: childrenNamed(info, 'area').map((area) => ({
        areaDesc: text(child(area, 'areaDesc')),
        polygons: childrenNamed(area, 'polygon').map((p) => pairs(p.text, budget)),
        circles: childrenNamed(area, 'circle').map((c) => circle(c.text)),
        geocodes: childrenNamed(area, 'geocode').map((g) => ({
          valueName: text(child(g, 'valueName')) ?? '',
          value: text(child(g, 'value')) ?? '',
        })),
      })),
    })),
  };
}

/** A CAP 1.2 message from its XML, or the stable code and the reason it was refused. */
export function parseCap(xml: string): Result<CapMessage> {
  try {
    const parsed = CapMessage.safeParse(capObject(readTree(xml)));
    if (!parsed.success) {
      return err({
        code: ErrorCode.capInvalid,
        message: `not a valid CAP 1.2 alert: ${z.prettifyError(parsed.error)}`,
        details: z.treeifyError(parsed.error),
      });
    }
    return ok(parsed.data);
  } catch (error) {
    if (error instanceof CapRefusal) return err({ code: error.code, message: error.message });
    throw error;
  }
}
