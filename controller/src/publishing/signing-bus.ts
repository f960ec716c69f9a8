import { Manifest, parseScreenTopic } from '@baruga/protocol';
import type { Bus } from '../messaging/bus';
import type { ManifestSigner } from './manifest-signer';

/**
 * The bus the publisher talks through: every manifest leaves the controller signed, at this one
 * choke point, whoever compiled it. A payload on a manifest topic that is not a manifest is refused
 * rather than sent unsigned; an empty payload (clearing a retained message) passes as is.
 */
export function signManifests(bus: Bus, signer: ManifestSigner): Bus {
  return {
    get connected() {
      return bus.connected;
    },
    async publishRetained(topic, payload) {
      if (parseScreenTopic(topic)?.kind !== 'manifest' || payload.length === 0) {
        return bus.publishRetained(topic, payload);
      }
      const manifest = Manifest.safeParse(JSON.parse(payload));
      if (!manifest.success) throw new Error(`refusing to sign a message on ${topic} that is not a manifest`);
      // Signed as parsed from the payload (JSON round trips are lossless for manifests), so what the
      // player verifies is exactly what the publisher wrote.
      return bus.publishRetained(topic, signer.wire(JSON.parse(payload) as Manifest));
    },
    publish: (topic, payload) => bus.publish(topic, payload),
    subscribe: (filter, handler) => bus.subscribe(filter, handler),
    close: () => bus.close(),
  };
}
