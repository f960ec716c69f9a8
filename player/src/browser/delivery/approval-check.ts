import { type Manifest, approvalHashInput, approvalProblem, contentDigestInput } from '@baruga/protocol';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Why a manifest may not play on its screen under the two-person rule (docs/security.md), or null. A public screen
 * plays only a manifest whose approval covers exactly its content as signed (`raw`, the bytes the signature
 * covered, not a re-parsed copy), whose record hashes to what it says, and whose approver is not one of its authors.
 */
export async function approvalRefusal(
  raw: Readonly<Record<string, unknown>>,
  manifest: Manifest,
): Promise<string | null> {
  if (!manifest.screen.public) return null;
  const [contentDigest, recordHash] = await Promise.all([
    sha256Hex(contentDigestInput(raw)),
    manifest.approval ? sha256Hex(approvalHashInput(manifest.approval)) : null,
  ]);
  return approvalProblem(manifest, { contentDigest, recordHash });
}
