import mqtt, { type MqttClient } from 'mqtt';

/** An MQTT client for tests, as a player would connect to the embedded broker (anonymous unless given a login). */
export function connectTestClient(
  port: number,
  credentials?: { username: string; password: string },
): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, {
      protocolVersion: 4,
      reconnectPeriod: 0,
      connectTimeout: 3000,
      ...credentials,
    });
    client.once('connect', () => resolve(client));
    client.once('error', (error) => {
      client.end(true);
      reject(error);
    });
  });
}

/** The next message on one topic (ignoring empty retained clears), or a rejection after `timeoutMs`. */
export function nextMessage(client: MqttClient, topic: string, timeoutMs = 5000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('message', onMessage);
      reject(new Error(`no message on ${topic} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (t: string, payload: Buffer) => {
      if (t !== topic || payload.length === 0) return;
      clearTimeout(timer);
      client.off('message', onMessage);
      resolve(payload);
    };
    client.on('message', onMessage);
  });
}

/** Whether the broker granted a subscription (mqtt.js rejects a refused SUBACK, 0x80). */
export async function subscribeGranted(client: MqttClient, topic: string): Promise<boolean> {
  try {
    const granted = await client.subscribeAsync(topic, { qos: 1 });
    return (granted[0]?.qos ?? 128) < 128;
  } catch (error) {
    if (error instanceof Error && /Subscribe error/.test(error.message) && client.connected) return false;
    throw error;
  }
}
