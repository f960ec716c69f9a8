import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-schedules';
import { migration0003 } from './0003-content-library';
import { migration0004 } from './0004-delivery';
import { migration0005 } from './0005-layouts';
import { migration0006 } from './0006-items';
import { migration0007 } from './0007-signed-manifests';
import { migration0008 } from './0008-audit-log';
import { migration0009 } from './0009-walls';
import { migration0010 } from './0010-presence-brokers-and-lists';
import { migration0011 } from './0011-data-sources';
import { migration0012 } from './0012-screen-locations';
import { migration0013 } from './0013-alerts';
import { migration0020 } from './0020-accounts';
import { migration0021 } from './0021-approvals';
import { migration0030 } from './0030-commands-sent';
import type { Migration } from './migration';

/** In order; never edit a published migration, add the next number instead. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0020,
  migration0021,
  migration0030,
];
