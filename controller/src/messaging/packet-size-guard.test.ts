import { describe, expect, it } from 'vitest';
import { MqttFrameMeter } from './packet-size-guard';

/** A retained QoS 0 PUBLISH as MQTT 3.1.1 frames it (§3.3): header, remaining length, topic, payload. */
function publish(bytes: number): Buffer {
  const topic = Buffer.from('baruga/v1/screens/lobi/status');
  const body = Buffer.concat([Buffer.from([topic.length >> 8, topic.length & 0xff]), topic, Buffer.alloc(bytes, 0x61)]);
  const length: number[] = [];
  let n = body.length;
  do {
    length.push((n % 128) | (n >= 128 ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  return Buffer.concat([Buffer.from([0x31, ...length]), body]);
}

describe('reading MQTT packet sizes from their headers', () => {
  it('passes packets within the limit, however the stream is cut', () => {
    const stream = Buffer.concat([publish(10), publish(300), publish(20_000), publish(0)]);
    for (const cut of [1, 2, 3, 7, 1000, stream.length]) {
      const meter = new MqttFrameMeter();
      for (let at = 0; at < stream.length; at += cut) {
        expect(meter.feed(stream.subarray(at, at + cut), 32 * 1024), `cut every ${cut} bytes`).toBeNull();
      }
    }
  });

  it('names an oversized packet from its header alone, before its body arrives', () => {
    const big = publish(20 * 1024 * 1024);
    const meter = new MqttFrameMeter();
    expect(meter.feed(publish(100), 4096)).toBeNull();
    // Only the first five bytes: type and the four-byte length.
    expect(meter.feed(big.subarray(0, 5), 4096)).toBe(big.length);
  });

  it('refuses a length that is not valid MQTT (a fifth length byte)', () => {
    const meter = new MqttFrameMeter();
    expect(meter.feed(Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01]), 4096)).toBe(Infinity);
  });
});
