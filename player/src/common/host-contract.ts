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
  screens: ScreenPlacement[];
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
  /** PNG of what one screen's window shows now. */
  screenshot(screenId: string): Promise<Uint8Array>;
  systemInfo(): Promise<SystemInfo>;
  /** Reloads a screen's renderer (a hung or crashed one, or on command). */
  reload(screenId: string): Promise<void>;
  dispose(): Promise<void>;
}

export class HostConfigError extends Error {
  readonly code = 'BARUGA_ERR_HOST_CONFIG';
}

/**
 * Reads `--controller URL` and one or more `--screen id[@WxH][+X+Y]` (or BARUGA_CONTROLLER /
 * BARUGA_SCREENS="id@1920x640+0+1080,…"). Both hosts parse their command line with this.
 */
export function parseHostArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): HostConfig {
  let controllerUrl = env.BARUGA_CONTROLLER ?? '';
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
  if (specs.length === 0) throw new HostConfigError('give at least one screen: --screen lounge-1@1920x1080+0+0');
  return { controllerUrl: url.origin, screens: specs.map(parsePlacement) };
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
