import { z } from 'zod';

/**
 * The player runs under a Content-Security-Policy without 'unsafe-eval' (the controller's security headers). Zod
 * would probe for `new Function` to compile faster parsers, and the probe alone is reported as a violation: parse
 * without it. Imported first, before any schema parses.
 */
z.config({ jitless: true });
