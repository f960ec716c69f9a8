import type { AssignedScreen } from '@baruga/protocol';

/**
 * The contract both player hosts implement: the Electron kiosk app and the Chromium host (a Node
 * program driving the system's Chromium). The renderer is the same page in both.
 */

/** Where one screen's window goes: a display by id, or a desktop rectangle (LED senders capture an offset). */
export interface ScreenPlacement {
  screenId: string;
  /** Electron display id; when absent, `x`/`y` place the window on the desktop. */
  displayId?: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface HostConfig {
  /** The controller's origin, e.g. http://10.20.0.5:8080 */
  controllerUrl: string;
  /**
   * Placements given on the command line. Empty: the host opens the enrollment page, shows a pairing
   * code, and opens the screens the operator assigns (docs/delivery.md).
   */
  screens: ScreenPlacement[];
  /**
   * `--ca FILE` or BARUGA_CA: the controller's certificate (or its private CA), PEM, trusted for the controller
   * when the system does not know it (docs/security.md, "TLS").
   */
  caFile?: string | null;
}

export interface SystemInfo {
  host: 'electron' | 'chromium';
  hostVersion: string;
  platform: string;
  arch: string;
  displays: { id: number; x: number; y: number; width: number; height: number; scaleFactor: number }[];
}

export interface PlayerHost {
  start(config: HostConfig): Promise<void>;
  /** One window per screen or wall tile; windows of screens no longer listed are closed. */
  openScreens(placements: readonly ScreenPlacement[]): Promise<void>;
  /** PNG of what one screen's window shows now. */
  screenshot(screenId: string): Promise<Uint8Array>;
  systemInfo(): Promise<SystemInfo>;
  /** Reloads a screen's renderer (a hung or crashed one, or on command). */
  reload(screenId: string): Promise<void>;
  /** Restarts the host itself: every window, the browser or app process (remote command `restart-host`). */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/** A hung renderer (no answer to the watchdog's probe) is reloaded after this long; a crashed one at once. */
export const WATCHDOG_HANG_MS = 10_000;

/**
 * What a host gives its renderer as `window.barugaHost`: the Electron preload's context bridge, or the
 * Chromium host's page binding. Only data crosses it (base64 for images), never functions or objects.
 */
export interface RendererHostBridge {
  readonly kind: 'electron' | 'chromium';
  /** The controller's origin where the renderer is not served by it (Electron's baruga:// scheme). */
  readonly controllerUrl?: string | undefined;
  systemInfo(): Promise<SystemInfo>;
  /** PNG of the calling renderer's own window, base64. */
  screenshot(): Promise<string>;
  /** Restarts the whole host. */
  restart(): Promise<void>;
  /** After enrollment, and at every boot: open one window per screen this player drives. */
  openScreens(screens: readonly AssignedScreen[]): Promise<void>;
  /** While enrolling: the code on screen, which hosts also print (a headless box has no one to look). */
  showPairingCode(code: string): Promise<void>;
}

/** Where screens assigned by the controller go when the command line did not place them. */
export function placementsFor(
  screens: readonly AssignedScreen[],
  given: readonly ScreenPlacement[],
): ScreenPlacement[] {
  return screens.map(
    (s) => given.find((p) => p.screenId === s.id) ?? { screenId: s.id, x: 0, y: 0, width: s.width, height: s.height },
  );
}

export class HostConfigError extends Error {
  readonly code = 'BARUGA_ERR_HOST_CONFIG';
}

/**
 * Reads `--controller URL` and any number of `--screen id[@WxH][+X+Y]` (or BARUGA_CONTROLLER /
 * BARUGA_SCREENS="id@1920x640+0+1080,…"). Both hosts parse their command line with this. With no
 * screen the host enrolls and opens the screens the operator assigns.
 */
export function parseHostArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): HostConfig {
  let controllerUrl = env.BARUGA_CONTROLLER ?? '';
  let caFile = env.BARUGA_CA || null;
  const specs: string[] = (env.BARUGA_SCREENS ?? '').split(',').filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--controller' && value) {
      controllerUrl = value;
      i++;
    } else if (arg === '--screen' && value) {
      specs.push(value);
      i++;
    } else if (arg === '--ca' && value) {
      caFile = value;
      i++;
    }
  }
  let url: URL;
  try {
    url = new URL(controllerUrl);
  } catch {
    throw new HostConfigError('give the controller URL: --controller http://HOST:8080 (or BARUGA_CONTROLLER)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HostConfigError(`the controller URL must be http or https, got ${url.protocol}`);
  }
  return { controllerUrl: url.origin, screens: specs.map(parsePlacement), caFile };
}

const PLACEMENT = /^([a-z0-9][a-z0-9-]{0,62})(?:@(\d+)x(\d+))?(?:\+(-?\d+)\+(-?\d+))?(?::display=(\d+))?$/;

function parsePlacement(spec: string): ScreenPlacement {
  const m = PLACEMENT.exec(spec.trim());
  if (!m?.[1]) throw new HostConfigError(`bad screen placement "${spec}": use id[@WxH][+X+Y][:display=N]`);
  return {
    screenId: m[1],
    width: Number(m[2] ?? 1920),
    height: Number(m[3] ?? 1080),
    x: Number(m[4] ?? 0),
    y: Number(m[5] ?? 0),
    ...(m[6] ? { displayId: Number(m[6]) } : {}),
  };
}
