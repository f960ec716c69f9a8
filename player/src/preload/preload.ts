import { contextBridge, ipcRenderer } from 'electron';
import type { RendererHostBridge } from '../common/host-contract';

/** The controller's origin, handed over by main.ts as an extra argument (the page itself is on baruga://). */
const FLAG = '--baruga-controller=';
const controllerUrl = process.argv.find((a) => a.startsWith(FLAG))?.slice(FLAG.length);

/**
 * The only bridge the sandboxed renderer gets: typed calls that carry data (strings, plain objects),
 * never Node or Electron objects. main.ts parses every argument.
 */
const bridge: RendererHostBridge = {
  kind: 'electron',
  controllerUrl,
  systemInfo: () => ipcRenderer.invoke('baruga:system-info'),
  screenshot: () => ipcRenderer.invoke('baruga:screenshot'),
  restart: () => ipcRenderer.invoke('baruga:restart'),
  openScreens: (screens) => ipcRenderer.invoke('baruga:open-screens', screens),
  showPairingCode: (code) => ipcRenderer.invoke('baruga:pairing-code', code),
};
contextBridge.exposeInMainWorld('barugaHost', bridge);
