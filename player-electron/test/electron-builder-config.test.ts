import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const kioskRoot = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  directories: { app: string; buildResources: string };
  files: string[];
  extraMetadata: { main: string };
  linux: { target: { target: string }[]; maintainer: string; executableName: string };
  deb: { afterInstall: string };
}

describe('electron-builder.yml', () => {
  const raw = yaml.load(fs.readFileSync(path.join(kioskRoot, 'electron-builder.yml'), 'utf8'));
  const config = raw as BuilderConfig;

  it("passes electron-builder's own schema validation", async () => {
    // electron-builder cannot package here (no Electron binary), but its validator runs offline.
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(raw, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
  });

  it('packages the bundled main process the player package declares, for Linux AppImage and deb', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(kioskRoot, config.directories.app, 'package.json'), 'utf8')) as {
      main: string;
      dependencies?: Record<string, string>;
    };
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(pkg.main).toBe('dist-electron/main.cjs');
    // Nothing at run time comes from node_modules, so packaging rebuilds no native module.
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(config.files).toContain('dist-electron/**/*');
    // The renderer is inside the app (served on baruga://), so a window boots with no network.
    expect(config.files).toContain('dist/renderer/**/*');
    expect(config.linux.target.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('names folders and scripts that exist, relative to this package (electron-builder runs here)', () => {
    // electron-builder resolves these against its project folder, player-electron/, not the repository root.
    for (const relative of [config.directories.app, config.directories.buildResources, config.deb.afterInstall]) {
      expect(fs.existsSync(path.join(kioskRoot, relative)), relative).toBe(true);
    }
  });
});
