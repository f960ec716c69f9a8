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

/**
 * A desktop rectangle drawn by one window, however many screens lie inside it: a wall controller that presents
 * several outputs as one desktop (a 2×2 wall as one 3840×2160 screen) gets one window across them, and each
 * screen placed inside the rectangle is drawn in it at its own offset.
 */
export interface SpanRect {
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
  /** Windows that span several outputs (`--span WxH+X+Y`); screens placed inside one are drawn in it. */
  spans?: SpanRect[];
}

/** One window a host opens, and the screens it draws, at offsets inside the window. */
export interface HostWindow {
  /** The screen's id for a window of one screen; `span@X,Y` for a spanning window. */
  key: string;
  rect: SpanRect;
  screens: { screenId: string; x: number; y: number; width: number; height: number }[];
}

const inside = (p: ScreenPlacement, s: SpanRect) =>
  (p.displayId ?? null) === (s.displayId ?? null) &&
  p.x >= s.x &&
  p.y >= s.y &&
  p.x + p.width <= s.x + s.width &&
  p.y + p.height <= s.y + s.height;

/**
 * The windows for these placements: one per screen, except that screens lying wholly inside a span share the
 * span's window. A span with no screen inside opens no window.
 */
export function hostWindows(placements: readonly ScreenPlacement[], spans: readonly SpanRect[] = []): HostWindow[] {
  const windows: HostWindow[] = [];
  const spanned = new Map<SpanRect, HostWindow>();
  for (const p of placements) {
    const span = spans.find((s) => inside(p, s));
    if (!span) {
      const { screenId, displayId, ...rect } = p;
      const own = displayId === undefined ? rect : { ...rect, displayId };
      windows.push({ key: screenId, rect: own, screens: [{ screenId, x: 0, y: 0, width: p.width, height: p.height }] });
      continue;
    }
    let win = spanned.get(span);
    if (!win) {
      win = { key: `span@${span.x},${span.y}`, rect: span, screens: [] };
      spanned.set(span, win);
      windows.push(win);
    }
    win.screens.push({ screenId: p.screenId, x: p.x - span.x, y: p.y - span.y, width: p.width, height: p.height });
  }
  return windows;
}

/** The player page's query for a window: `?screen=id`, or `?span=id@WxH+X+Y,…` for a spanning window. */
export function windowQuery(win: HostWindow): string {
  const [only] = win.screens;
  if (win.screens.length === 1 && only && only.x === 0 && only.y === 0 && win.key === only.screenId) {
    return `?screen=${encodeURIComponent(only.screenId)}`;
  }
  const entries = win.screens.map((s) => `${s.screenId}@${s.width}x${s.height}+${s.x}+${s.y}`);
  return `?span=${encodeURIComponent(entries.join(','))}`;
}

const SPAN_ENTRY = /^([a-z0-9][a-z0-9-]{0,62})@(\d{1,5})x(\d{1,5})\+(\d{1,5})\+(\d{1,5})$/;

/** The screens a `?span=` query draws, their sizes and offsets; null for a malformed one. At most 64 screens. */
export function parseSpanQuery(query: string): HostWindow['screens'] | null {
  const entries = query.split(',');
  if (entries.length === 0 || entries.length > 64) return null;
  const out: HostWindow['screens'] = [];
  for (const entry of entries) {
    const m = SPAN_ENTRY.exec(entry);
    if (!m?.[1]) return null;
    out.push({ screenId: m[1], width: Number(m[2]), height: Number(m[3]), x: Number(m[4]), y: Number(m[5]) });
  }
  return out;
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
 * Reads `--controller URL`, any number of `--screen id[@WxH][+X+Y]` and `--span WxH+X+Y` (or BARUGA_CONTROLLER,
 * BARUGA_SCREENS="id@1920x640+0+1080,…", BARUGA_SPANS="3840x2160+0+0"). Both hosts parse their command line with this. With no
 * screen the host enrolls and opens the screens the operator assigns.
 */
export function parseHostArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): HostConfig {
  let controllerUrl = env.BARUGA_CONTROLLER ?? '';
  let caFile = env.BARUGA_CA || null;
  const specs: string[] = (env.BARUGA_SCREENS ?? '').split(',').filter(Boolean);
  const spans: string[] = (env.BARUGA_SPANS ?? '').split(',').filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--controller' && value) {
      controllerUrl = value;
      i++;
    } else if (arg === '--screen' && value) {
      specs.push(value);
      i++;
    } else if (arg === '--span' && value) {
      spans.push(value);
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
  return { controllerUrl: url.origin, screens: specs.map(parsePlacement), spans: spans.map(parseSpan), caFile };
}

const SPAN = /^(\d+)x(\d+)\+(-?\d+)\+(-?\d+)(?::display=(\d+))?$/;

function parseSpan(spec: string): SpanRect {
  const m = SPAN.exec(spec.trim());
  if (!m) throw new HostConfigError(`bad span "${spec}": use WxH+X+Y[:display=N]`);
  return {
    width: Number(m[1]),
    height: Number(m[2]),
    x: Number(m[3]),
    y: Number(m[4]),
    ...(m[5] ? { displayId: Number(m[5]) } : {}),
  };
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
