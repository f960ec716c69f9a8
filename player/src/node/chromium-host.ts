import os from 'node:os';
import path from 'node:path';
import { AssignedScreen } from '@baruga/protocol';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { z } from 'zod';
import { readCertificates, spkiHashes } from './certificates';
import {
  type HostConfig,
  type HostWindow,
  type PlayerHost,
  type ScreenPlacement,
  type SpanRect,
  type SystemInfo,
  WATCHDOG_HANG_MS,
  hostWindows,
  placementsFor,
  windowQuery,
} from '../common/host-contract';

export interface ChromiumHostOptions {
  /** The system's Chromium (never a downloaded browser). */
  executablePath: string;
  /** Chromium's profile: the player's IndexedDB (enrollment, proof of play), Cache API and Service Worker. */
  userDataDir: string;
  headless: boolean;
  /** Full-screen kiosk windows; off for exact desktop rectangles (LED senders) or a desktop trial. */
  kiosk: boolean;
  /** More Chromium switches (tests add their own). */
  extraArgs?: readonly string[];
  log?: (line: string) => void;
  onPairingCode?: (code: string) => void;
}

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(env.BARUGA_PLAYER_DATA || path.join(base, 'baruga-player'), 'chromium');
}

/** The enrollment page's key in the page map (windows use their keys: a screen's id, or a span's). */
const ENROLL = '';
const ENROLL_WINDOW: HostWindow = { key: ENROLL, rect: { x: 0, y: 0, width: 1280, height: 720 }, screens: [] };
const BINDING = '__barugaHostCall';

/**
 * `window.barugaHost` for the renderer: calls go through one page binding. Defined only in the top frame
 * of the controller's own pages, so a web-page widget (a sandboxed iframe) never sees it.
 */
function bridgeScript(origin: string): string {
  return `(() => {
    if (window.top !== window || location.origin !== ${JSON.stringify(origin)}) return;
    const call = (method, arg) => window[${JSON.stringify(BINDING)}](method, arg);
    Object.defineProperty(window, 'barugaHost', {
      value: Object.freeze({
        kind: 'chromium',
        systemInfo: () => call('systemInfo'),
        screenshot: () => call('screenshot'),
        restart: () => call('restart'),
        openScreens: (screens) => call('openScreens', screens),
        showPairingCode: (code) => call('pairingCode', code),
      }),
    });
  })();`;
}

/**
 * The Chromium host (`npx baruga-player --controller URL`): drives the system's Chromium through
 * playwright-core, for Linux boxes without Electron (and the host the tests use). It marks the controller's
 * origin as trustworthy (`--unsafely-treat-insecure-origin-as-secure`, which Chromium honours only with its
 * own `--user-data-dir`), so a controller on plain http://10.x.y.z:8080 still gives the renderer a secure
 * context: Service Worker, Cache API, WebCrypto.
 */
export class ChromiumHost implements PlayerHost {
  private context: BrowserContext | null = null;
  private readonly pages = new Map<string, Page>();
  private readonly watchdogs = new Map<string, NodeJS.Timeout>();
  private placements: ScreenPlacement[] = [];
  private windows: HostWindow[] = [];
  private config: HostConfig | null = null;
  private stopping = false;
  private restarting: Promise<void> | null = null;

  constructor(private readonly options: ChromiumHostOptions) {}

  private get origin(): string {
    if (!this.config) throw new Error('host not started');
    return this.config.controllerUrl;
  }

  private log(line: string) {
    this.options.log?.(line);
  }

  /** The controller's own certificate (`--ca`), trusted by its key; no other certificate check is relaxed. */
  private trustArgs(): string[] {
    if (!this.config?.caFile) return [];
    return [`--ignore-certificate-errors-spki-list=${spkiHashes(readCertificates(this.config.caFile)).join(',')}`];
  }

  async start(config: HostConfig): Promise<void> {
    this.config = config;
    await this.launch();
    if (config.screens.length > 0) await this.openScreens(config.screens);
    else await this.openPage(ENROLL_WINDOW);
  }

  private async launch(): Promise<void> {
    // A browser that is still shutting down (or died without cleaning up) holds the profile's lock for a
    // moment: try again rather than give up on the screen.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.launchOnce();
      } catch (error) {
        if (attempt >= 10 || !/ProcessSingleton|SingletonLock|profile.*in use/i.test(String(error))) throw error;
        this.log(`profile busy, trying again (${attempt})`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private async launchOnce(): Promise<void> {
    const context = await chromium.launchPersistentContext(this.options.userDataDir, {
      executablePath: this.options.executablePath,
      headless: this.options.headless,
      viewport: this.options.headless ? { width: 1280, height: 720 } : null,
      serviceWorkers: 'allow',
      ignoreDefaultArgs: ['--enable-automation'],
      args: [
        `--unsafely-treat-insecure-origin-as-secure=${this.origin}`,
        ...this.trustArgs(),
        '--autoplay-policy=no-user-gesture-required',
        '--no-first-run',
        '--noerrdialogs',
        '--disable-session-crashed-bubble',
        '--disable-infobars',
        '--disable-translate',
        // Pixel for pixel: an LED sender captures exact desktop pixels, and a wall's tiles meet at exact ones.
        '--force-device-scale-factor=1',
        ...(this.options.kiosk && !this.options.headless ? ['--kiosk'] : []),
        ...(this.options.extraArgs ?? []),
      ],
    });
    this.context = context;
    this.log(`chromium ${context.browser()?.version() ?? ''} started for ${this.origin}`);
    await context.exposeBinding(BINDING, ({ page, frame }, method: unknown, arg: unknown) => {
      if (frame !== page.mainFrame() || new URL(page.url()).origin !== this.origin) {
        throw new Error('the host bridge is only for the player page itself');
      }
      return this.call(page, method, arg);
    });
    await context.addInitScript(bridgeScript(this.origin));
    context.on('close', () => {
      this.log('chromium closed');
      if (this.stopping || this.restarting) return;
      // The browser went away (crashed, killed): start it again with the same windows.
      this.log('chromium closed unexpectedly; starting it again');
      setTimeout(() => void this.restart().catch((e: unknown) => this.log(`restart failed: ${String(e)}`)), 2000);
    });
    // The profile's first page (about:blank) is not needed.
    for (const page of context.pages()) if (page.url() === 'about:blank') await page.close();
  }

  private async call(page: Page, method: unknown, arg: unknown): Promise<unknown> {
    switch (method) {
      case 'systemInfo':
        return this.systemInfo();
      case 'screenshot':
        return Buffer.from(await page.screenshot({ type: 'png' })).toString('base64');
      case 'restart':
        this.log(`restart asked by ${page.url()}`);
        // Answer first: the page that asked is about to close.
        setTimeout(() => void this.restart().catch((e: unknown) => this.log(`restart failed: ${String(e)}`)), 100);
        return null;
      case 'openScreens': {
        const screens = z.array(AssignedScreen).max(64).parse(arg);
        const placements = placementsFor(screens, this.config?.screens ?? []);
        setTimeout(() => void this.openScreens(placements).catch((e: unknown) => this.log(String(e))), 0);
        return null;
      }
      case 'pairingCode': {
        const code = z.string().max(20).parse(arg);
        this.log(`kode pasangan / pairing code: ${code}`);
        this.options.onPairingCode?.(code);
        return null;
      }
      default:
        throw new Error(`unknown host call ${String(method)}`);
    }
  }

  private pageUrl(win: HostWindow): string {
    return `${this.origin}/player/${win.key === ENROLL ? '' : windowQuery(win)}`;
  }

  private async place(page: Page, placement: SpanRect): Promise<void> {
    if (this.options.headless) {
      await page.setViewportSize({ width: placement.width, height: placement.height });
      return;
    }
    if (this.options.kiosk) return;
    // A headed window at an exact desktop rectangle (an LED sender captures that rectangle).
    const cdp = await page.context().newCDPSession(page);
    try {
      const { windowId } = (await cdp.send('Browser.getWindowForTarget')) as { windowId: number };
      await cdp.send('Browser.setWindowBounds', {
        windowId,
        bounds: { left: placement.x, top: placement.y, width: placement.width, height: placement.height },
      });
    } finally {
      await cdp.detach();
    }
  }

  private async openPage(win: HostWindow): Promise<Page> {
    const context = this.context;
    if (!context) throw new Error('host not started');
    const { key } = win;
    const page = await context.newPage();
    this.pages.set(key, page);
    await this.place(page, win.rect);
    page.on('crash', () => {
      // Only the page still serving this window: a browser closing for a restart takes old pages with it.
      if (this.pages.get(key) !== page) return;
      this.log(`renderer of ${key || 'enrollment'} crashed; reopening`);
      void this.reopen(win, page);
    });
    page.on('pageerror', (error) => this.log(`page error (${key || 'enrollment'}): ${error.message}`));
    await page.goto(this.pageUrl(win), { waitUntil: 'commit' }).catch((e: unknown) => this.log(String(e)));
    this.watch(win, page);
    return page;
  }

  /** Watchdog: a page that does not answer a trivial evaluation within the grace period is reopened. */
  private watch(win: HostWindow, page: Page) {
    const { key } = win;
    clearInterval(this.watchdogs.get(key));
    const timer = setInterval(async () => {
      if (page.isClosed() || this.pages.get(key) !== page) return clearInterval(timer);
      const answered = await Promise.race([
        page.evaluate(() => true).catch(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), WATCHDOG_HANG_MS)),
      ]);
      if (!answered && this.pages.get(key) === page) {
        this.log(`renderer of ${key || 'enrollment'} hung for ${WATCHDOG_HANG_MS} ms; reopening`);
        await this.reopen(win, page);
      }
    }, WATCHDOG_HANG_MS);
    timer.unref();
    this.watchdogs.set(key, timer);
  }

  /** Replaces `old` (crashed or hung) with a new page for the same window, unless it was replaced already. */
  private async reopen(win: HostWindow, old: Page): Promise<void> {
    const { key } = win;
    if (this.pages.get(key) !== old) return;
    this.pages.delete(key);
    clearInterval(this.watchdogs.get(key));
    await old.close({ runBeforeUnload: false }).catch(() => undefined);
    if (!this.stopping && !this.restarting && this.context) await this.openPage(win);
  }

  /** One window per screen, or one across the screens inside a span (a wall controller's desktop). */
  async openScreens(placements: readonly ScreenPlacement[]): Promise<void> {
    this.placements = [...placements];
    const before = new Map(this.windows.map((w) => [w.key, windowQuery(w)]));
    this.windows = hostWindows(placements, this.config?.spans ?? []);
    const wanted = new Set(this.windows.map((w) => w.key));
    for (const win of this.windows) {
      const page = this.pages.get(win.key);
      // A span whose screens changed is a new page: its address lists them.
      if (page && !page.isClosed() && before.get(win.key) === windowQuery(win)) await this.place(page, win.rect);
      else {
        if (page) await page.close({ runBeforeUnload: true }).catch(() => undefined);
        await this.openPage(win);
      }
    }
    for (const [key, page] of [...this.pages]) {
      if (wanted.has(key)) continue;
      this.pages.delete(key);
      clearInterval(this.watchdogs.get(key));
      await page.close({ runBeforeUnload: true }).catch(() => undefined);
    }
  }

  /** The page that draws one screen (tests and benchmarks read what it shows). */
  page(screenId: string): Page | undefined {
    const win = this.windows.find((w) => w.screens.some((s) => s.screenId === screenId));
    return win ? this.pages.get(win.key) : undefined;
  }

  /** The enrollment page while the player is pairing. */
  enrollmentPage(): Page | undefined {
    return this.pages.get(ENROLL);
  }

  async screenshot(screenId: string): Promise<Uint8Array> {
    const win = this.windows.find((w) => w.screens.some((s) => s.screenId === screenId));
    const page = win ? this.pages.get(win.key) : undefined;
    const where = win?.screens.find((s) => s.screenId === screenId);
    if (!page || !win || !where) throw new Error(`no window for screen ${screenId}`);
    // In a spanning window, only this screen's part of it.
    if (win.screens.length === 1) return page.screenshot({ type: 'png' });
    return page.screenshot({ type: 'png', clip: { x: where.x, y: where.y, width: where.width, height: where.height } });
  }

  async systemInfo(): Promise<SystemInfo> {
    return {
      host: 'chromium',
      hostVersion: this.context?.browser()?.version() ?? 'unknown',
      platform: process.platform,
      arch: process.arch,
      displays: [],
    };
  }

  async reload(screenId: string): Promise<void> {
    await this.page(screenId)?.reload({ waitUntil: 'commit' });
  }

  async restart(): Promise<void> {
    this.restarting ??= (async () => {
      const placements = this.placements;
      await this.closeBrowser();
      await this.launch();
      this.windows = [];
      if (placements.length > 0) await this.openScreens(placements);
      else await this.openPage(ENROLL_WINDOW);
    })().finally(() => {
      this.restarting = null;
    });
    return this.restarting;
  }

  private async closeBrowser(): Promise<void> {
    for (const timer of this.watchdogs.values()) clearInterval(timer);
    this.watchdogs.clear();
    this.pages.clear();
    const context = this.context;
    this.context = null;
    await context?.close().catch(() => undefined);
  }

  async dispose(): Promise<void> {
    this.stopping = true;
    await this.closeBrowser();
  }
}
