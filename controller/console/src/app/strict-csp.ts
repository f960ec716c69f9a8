import { z } from 'zod';

/**
 * The console runs under a Content-Security-Policy without 'unsafe-eval' (controller/src/http/security-headers.ts).
 * Zod would probe for `new Function` to compile faster parsers, and the probe alone is reported as a violation:
 * parse without it. Imported first, before any schema parses.
 */
z.config({ jitless: true });
