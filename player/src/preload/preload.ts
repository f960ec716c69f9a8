import { contextBridge, ipcRenderer } from 'electron';

/** The only bridge the sandboxed renderer gets: typed, read-only host facts. */
contextBridge.exposeInMainWorld('barugaHost', {
  kind: 'electron' as const,
  systemInfo: (): Promise<unknown> => ipcRenderer.invoke('baruga:system-info'),
});
