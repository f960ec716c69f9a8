#!/usr/bin/env node
// The Chromium host's command. Its code is TypeScript in player/src/node (beside the Electron host and the
// contract both implement) and runs through tsx, as the controller does. This package exists so the host's
// run-time needs (playwright-core) live here, not in player/package.json, which electron-builder packages
// with no dependencies at all.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../../player/src/node/main.ts', import.meta.url).href);
