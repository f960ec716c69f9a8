import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MESSAGE_KINDS, decodeMessage, messages } from './messages';

/**
 * Every kind of the message table decoded from payloads of every shape (bytes, text, JSON of any kind, and JSON
 * near each schema): the decoder never throws, answers a result, and accepts only what the kind's schema and
 * size accept.
 */
const payloads = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .dictionary(
      fc.constantFrom('manifest', 'signature', 'state', 'playerId', 'records', 'ids', 'commandId', 'screenId', 'id'),
      fc.jsonValue(),
    )
    .map((v) => JSON.stringify(v)),
);

/** protocol/ compiles without DOM or Node types; both runtimes have TextDecoder. */
const utf8 = new (
  globalThis as unknown as { TextDecoder: new () => { decode(bytes: Uint8Array): string } }
).TextDecoder();

describe('decodeMessage over bad payloads of every kind', () => {
  it.each(MESSAGE_KINDS)('%s: never throws, and accepts only what its schema and size accept', (kind) => {
    fc.assert(
      fc.property(payloads, (payload) => {
        const decoded = decodeMessage(kind, payload);
        const size = typeof payload === 'string' ? payload.length : payload.byteLength;
        if (!decoded.ok) {
          expect(['is empty', 'is too large', 'is not JSON', 'failed its schema']).toContain(decoded.problem);
          return;
        }
        expect(size).toBeLessThanOrEqual(messages[kind].maxBytes);
        const text = typeof payload === 'string' ? payload : utf8.decode(payload);
        expect(messages[kind].schema.safeParse(JSON.parse(text)).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a payload one byte over its kind’s limit, whatever it holds', () => {
    for (const kind of MESSAGE_KINDS) {
      const over = '"' + 'x'.repeat(messages[kind].maxBytes - 1) + '"';
      expect(decodeMessage(kind, over)).toMatchObject({ ok: false, problem: 'is too large' });
    }
  });
});
