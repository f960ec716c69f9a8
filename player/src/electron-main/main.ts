import path from 'node:path';
import { AssignedScreen } from '@baruga/protocol';
import { BrowserWindow, type Display, app, ipcMain, powerSaveBlocker, screen, session } from 'electron';
import { z } from 'zod';
import {
  type HostConfig,
  HostConfigError,
  type HostWindow,
  type ScreenPlacement,
  type SpanRect,
  type SystemInfo,
  WATCHDOG_HANG_MS,
  hostWindows,
  parseHostArgs,
  placementsFor,
  windowQuery,
} from '../common/host-contract';
import { chainIsTrusted, readCertificates } from '../node/certificates';
import { RENDERER_ORIGIN, handleRendererScheme, registerRendererScheme } from './renderer-protocol';

/**
 * The Electron kiosk host: one frameless, always-on-top window per screen (or wall tile), placed on
 * a display by id or at an exact desktop rectangle for LED senders, or one window across the tiles inside a span
 * (a wall controller that presents several outputs as one desktop), with a watchdog that reloads a
 * crashed or hung renderer and a power-save blocker that keeps the panels awake. The renderer comes
 * from the app itself on a privileged secure scheme (renderer-protocol.ts); without screens on the
 * command line it enrolls (a pairing code on screen) and opens the screens the operator assigns.
 */

/** The enrollment page's window, and one per screen or span (keyed as hostWindows keys them). */
const ENROLL = '';
const windows = new Map<string, BrowserWindow>();
let config: HostConfig;
/** Where the open windows belong, to put them back when displays change. */
let current: HostWindow[] = [];

function bounds(placement: SpanRect, displays: Display[]) {
  const display = placement.displayId !== undefined ? displays.find((d) => d.id === placement.displayId) : undefined;
  const origin = display ? display.bounds : { x: 0, y: 0 };
  return { x: origin.x + placement.x, y: origin.y + placement.y, width: placement.width, height: placement.height };
}

const pageUrl = (target: HostWindow) => `${RENDERER_ORIGIN}/player/${target.key === ENROLL ? '' : windowQuery(target)}`;

function openWindow(target: HostWindow): BrowserWindow {
  const placement = target.rect;
  const win = new BrowserWindow({
    ...bounds(placement, screen.getAllDisplays()),
    frame: false,
    // An LED sender captures an exact rectangle: no kiosk resizing to a whole display, no menu, no cursor.
    kiosk: placement.displayId !== undefined,
    resizable: false,
    movable: false,
    alwaysOnTop: true,
    backgroundColor: '#000000',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      // Bundled as CommonJS beside this file (vite.electron.config.ts).
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      backgroundThrottling: false,
      // The page is on the secure baruga:// scheme; its only plain-http connection is the MQTT WebSocket
      // to a controller on http://10.x.y.z, which mixed-content rules would block. Everything arriving on
      // it is signed or hashed and checked (docs/delivery.md), so it is allowed for http controllers only.
      allowRunningInsecureContent: new URL(config.controllerUrl).protocol === 'http:',
      additionalArguments: [`--baruga-controller=${config.controllerUrl}`],
    },
  });
  win.once('ready-to-show', () => win.show());
  const url = pageUrl(target);
  void win.loadURL(url);

  // Watchdog: a crashed renderer is reloaded at once, a hung one after a grace period.
  let hang: NodeJS.Timeout | undefined;
  win.webContents.on('render-process-gone', () => {
    if (!win.isDestroyed()) void win.loadURL(url);
  });
  win.on('unresponsive', () => {
    hang = setTimeout(() => {
      if (!win.isDestroyed()) win.webContents.forcefullyCrashRenderer();
    }, WATCHDOG_HANG_MS);
  });
  win.on('responsive', () => clearTimeout(hang));
  win.on('closed', () => {
    clearTimeout(hang);
    if (windows.get(target.key) === win) windows.delete(target.key);
  });
  // The player never navigates away from its own pages, nor opens windows.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, target) => {
    if (!target.startsWith(`${RENDERER_ORIGIN}/player/`)) event.preventDefault();
  });
  return win;
}

/** One window per placement or span; windows no longer wanted (the enrollment page among them) are closed. */
function openScreens(placements: readonly ScreenPlacement[]): void {
  const before = new Map(current.map((w) => [w.key, windowQuery(w)]));
  const next = hostWindows(placements, config.spans ?? []);
  const wanted = new Set(next.map((w) => w.key));
  for (const target of next) {
    const existing = windows.get(target.key);
    // A span whose screens changed is a new page: its address lists them.
    if (existing && !existing.isDestroyed() && before.get(target.key) === windowQuery(target)) {
      existing.setBounds(bounds(target.rect, screen.getAllDisplays()));
    } else {
      if (existing && !existing.isDestroyed()) existing.close();
      windows.set(target.key, openWindow(target));
    }
  }
  for (const [id, win] of windows) if (!wanted.has(id) && !win.isDestroyed()) win.close();
  current = next;
}

async function systemInfo(): Promise<SystemInfo> {
  return {
    host: 'electron',
    hostVersion: process.versions.electron ?? 'unknown',
    platform: process.platform,
    arch: process.arch,
    displays: screen.getAllDisplays().map((d) => ({ id: d.id, ...d.bounds, scaleFactor: d.scaleFactor })),
  };
}

/** The bridge's handlers (preload.ts); every argument from a renderer is parsed, never trusted. */
function installBridge(): void {
  ipcMain.handle('baruga:system-info', () => systemInfo());
  ipcMain.handle('baruga:screenshot', async (event) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!win) throw new Error('no window for this renderer');
    return (await win.webContents.capturePage()).toPNG().toString('base64');
  });
  ipcMain.handle('baruga:restart', () => {
    app.relaunch();
    app.exit(0);
  });
  ipcMain.handle('baruga:open-screens', (_event, raw: unknown) => {
    const screens = z.array(AssignedScreen).max(64).parse(raw);
    openScreens(placementsFor(screens, config.screens));
  });
  ipcMain.handle('baruga:pairing-code', (_event, raw: unknown) => {
    const code = z.string().max(20).parse(raw);
    process.stdout.write(`baruga-player: kode pasangan / pairing code: ${code}\n`);
  });
}

/**
 * `--ca FILE`: the controller's certificate (or private CA) is accepted where Chromium's own check fails, for the
 * renderer and for the main process's requests alike (both use the default session); every other certificate is
 * checked as Chromium checks it.
 */
function trustControllerCertificate(): void {
  if (!config.caFile) return;
  const trusted = readCertificates(config.caFile);
  session.defaultSession.setCertificateVerifyProc((request, callback) => {
    if (request.verificationResult === 'net::OK') return callback(-3);
    const chain: string[] = [];
    for (let c: Electron.Certificate | undefined = request.certificate; c; c = c.issuerCert) {
      chain.push(c.data);
      if (c.issuerCert === c) break;
    }
    callback(chainIsTrusted(chain, trusted) ? 0 : -3);
  });
}

async function main() {
  try {
    config = parseHostArgs(process.argv.slice(app.isPackaged ? 1 : 2), process.env);
  } catch (error) {
    if (error instanceof HostConfigError) {
      process.stderr.write(`baruga-player: ${error.message}\n`);
      app.exit(2);
      return;
    }
    throw error;
  }
  // One player per machine: a second start focuses the first instead of doubling every window.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerRendererScheme();
  app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
  // Pixel for pixel on any display: an LED sender captures exact desktop pixels, and wall tiles meet at exact ones.
  app.commandLine.appendSwitch('force-device-scale-factor', '1');
  await app.whenReady();
  trustControllerCertificate();
  // The renderer built by `npm run build` is packaged beside dist-electron (electron-builder.yml).
  handleRendererScheme(path.join(__dirname, '..', 'dist', 'renderer'), config.controllerUrl);
  powerSaveBlocker.start('prevent-display-sleep');
  installBridge();
  if (config.screens.length > 0) openScreens(config.screens);
  else {
    // Enrollment: the page shows a pairing code, then asks for its screens through the bridge.
    const primary = screen.getPrimaryDisplay().bounds;
    windows.set(ENROLL, openWindow({ key: ENROLL, rect: { ...primary, x: 0, y: 0 }, screens: [] }));
  }
  // Displays come and go (a monitor power-cycles): put every window back where it belongs.
  screen.on('display-metrics-changed', () => {
    for (const target of current) windows.get(target.key)?.setBounds(bounds(target.rect, screen.getAllDisplays()));
  });
  app.on('window-all-closed', () => app.quit());
}

void main();
