import crypto, { X509Certificate } from 'node:crypto';
import fs from 'node:fs';

/**
 * A controller with its own certificate (self-signed, or from a private CA the players' system does not know):
 * the hosts are given that certificate (`--ca FILE` or BARUGA_CA) and trust it for the controller, and nothing
 * else is loosened. PEM, one or more certificates.
 */
export function readCertificates(file: string): X509Certificate[] {
  const text = fs.readFileSync(file, 'utf8');
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new Error(`${file} holds no PEM certificate`);
  return blocks.map((pem) => new X509Certificate(pem));
}

/**
 * For Chromium's `--ignore-certificate-errors-spki-list`: the base64 SHA-256 of each certificate's public key.
 * Chromium then accepts a chain that includes one of those keys (and honours the switch only with its own
 * `--user-data-dir`, which the Chromium host always passes).
 */
export function spkiHashes(certificates: readonly X509Certificate[]): string[] {
  return certificates.map((c) =>
    crypto
      .createHash('sha256')
      .update(c.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('base64'),
  );
}

/** Whether any certificate of a presented chain (PEM, leaf first) is one of the trusted ones, byte for byte. */
export function chainIsTrusted(chainPem: readonly string[], trusted: readonly X509Certificate[]): boolean {
  return chainPem.some((pem) => {
    try {
      const raw = new X509Certificate(pem).raw;
      return trusted.some((t) => t.raw.equals(raw));
    } catch {
      return false;
    }
  });
}
