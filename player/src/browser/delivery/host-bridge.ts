import type { HostInfo } from '@baruga/protocol';
import type { RendererHostBridge } from '../../common/host-contract';

declare global {
  interface Window {
    /** Set by the Electron preload or the Chromium host; absent in a plain browser. */
    barugaHost?: RendererHostBridge;
  }
}

/** The host this renderer runs in, or null in a plain browser tab. */
export function hostBridge(): RendererHostBridge | null {
  return typeof window !== 'undefined' && window.barugaHost ? window.barugaHost : null;
}

/**
 * The controller's root. The renderer is served at <controller>/player/, except in Electron, where it is
 * loaded from the app itself (baruga://app/player/) and HTTP to the controller goes through the host;
 * only the MQTT WebSocket needs the real origin there.
 */
export function controllerRoot(): URL {
  const fromHost = hostBridge()?.controllerUrl;
  return fromHost ? new URL('/', fromHost) : new URL('../', window.location.href);
}

/** URLs of the controller's HTTP API and content, relative to this page (the host proxies them if it must). */
export const apiUrl = (path: string) => new URL(`../${path.replace(/^\//, '')}`, window.location.href).toString();
export const assetUrl = (sha256: string) => apiUrl(`content/${sha256}`);

export async function hostInfo(): Promise<HostInfo> {
  const host = hostBridge();
  const userAgent = navigator.userAgent.slice(0, 300);
  if (!host) return { kind: 'browser', version: '', platform: navigator.platform.slice(0, 100), userAgent };
  try {
    const info = await host.systemInfo();
    return {
      kind: info.host,
      version: info.hostVersion.slice(0, 100),
      platform: `${info.platform}-${info.arch}`.slice(0, 100),
      userAgent,
    };
  } catch {
    return { kind: host.kind, version: '', platform: navigator.platform.slice(0, 100), userAgent };
  }
}
