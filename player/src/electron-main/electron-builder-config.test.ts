import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  directories: { app: string };
  files: string[];
  extraMetadata: { main: string };
  linux: { target: { target: string }[]; maintainer: string; executableName: string };
}

describe('electron-builder.yml', () => {
  const raw = yaml.load(fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8'));
  const config = raw as BuilderConfig;

  it("passes electron-builder's own schema validation", async () => {
    // electron-builder cannot package here (no Electron binary), but its validator runs offline.
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(raw, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
  });

  it('packages the bundled main process the player package declares, for Linux AppImage and deb', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, config.directories.app, 'package.json'), 'utf8')) as {
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
});
