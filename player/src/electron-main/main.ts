import path from 'node:path';
import { BrowserWindow, type Display, app, ipcMain, powerSaveBlocker, screen } from 'electron';
import {
  type HostConfig,
  HostConfigError,
  type ScreenPlacement,
  type SystemInfo,
  parseHostArgs,
} from '../common/host-contract';

/**
 * The Electron kiosk host: one frameless, always-on-top window per screen (or wall tile), placed on
 * a display by id or at an exact desktop rectangle for LED senders, with a watchdog that reloads a
 * crashed or hung renderer and a power-save blocker that keeps the panels awake.
 */

const HANG_GRACE_MS = 10_000;
const windows = new Map<string, BrowserWindow>();

function bounds(placement: ScreenPlacement, displays: Display[]) {
  const display = placement.displayId !== undefined ? displays.find((d) => d.id === placement.displayId) : undefined;
  const origin = display ? display.bounds : { x: 0, y: 0 };
  return { x: origin.x + placement.x, y: origin.y + placement.y, width: placement.width, height: placement.height };
}

function openScreen(config: HostConfig, placement: ScreenPlacement): BrowserWindow {
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
    },
  });
  win.once('ready-to-show', () => win.show());
  const url = `${config.controllerUrl}/player/?screen=${encodeURIComponent(placement.screenId)}`;
  void win.loadURL(url);

  // Watchdog: a crashed renderer is reloaded at once, a hung one after a grace period.
  let hang: NodeJS.Timeout | undefined;
  win.webContents.on('render-process-gone', () => {
    if (!win.isDestroyed()) void win.loadURL(url);
  });
  win.on('unresponsive', () => {
    hang = setTimeout(() => {
      if (!win.isDestroyed()) win.webContents.forcefullyCrashRenderer();
    }, HANG_GRACE_MS);
  });
  win.on('responsive', () => clearTimeout(hang));
  win.on('closed', () => {
    clearTimeout(hang);
    windows.delete(placement.screenId);
  });
  // The player never navigates away from its own page, nor opens windows.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, target) => {
    if (!target.startsWith(`${config.controllerUrl}/player/`)) event.preventDefault();
  });
  return win;
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

async function main() {
  let config: HostConfig;
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
  app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
  await app.whenReady();
  powerSaveBlocker.start('prevent-display-sleep');
  ipcMain.handle('baruga:system-info', () => systemInfo());
  for (const placement of config.screens) windows.set(placement.screenId, openScreen(config, placement));
  // Displays come and go (a monitor power-cycles): put every window back where it belongs.
  screen.on('display-metrics-changed', () => {
    for (const placement of config.screens)
      windows.get(placement.screenId)?.setBounds(bounds(placement, screen.getAllDisplays()));
  });
  app.on('window-all-closed', () => app.quit());
}

void main();
