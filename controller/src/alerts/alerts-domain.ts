import { CreateAlert } from '@baruga/protocol';
import type { HeldActions } from '../approvals/held-actions';
import type { FastifyInstance } from 'fastify';
import type { Repositories } from '../db/repositories';
import type { Messaging } from '../messaging/messaging';
import { createAlertService } from './alert-service';
import { createAlertSettingsStore } from './alert-settings';
import { alertRoutes } from './alert-routes';
import { createAlertPollers } from './pollers';

/**
 * Alerts on the controller (docs/alerts.md): routes, the service that puts alerts on screens and hears their
 * acknowledgements (registered on `messaging` before it opens), and the BMKG and CAP feed pollers. Returns what
 * resumes active alerts and starts polling (once the broker link is open) and what stops it all.
 */
export async function installAlerts(
  app: FastifyInstance,
  opts: { repos: Repositories; messaging: Messaging; held: HeldActions; onChange?: () => void },
) {
  const { repos, messaging, held } = opts;
  const settings = createAlertSettingsStore(repos);
  const service = createAlertService({
    repos,
    alerts: repos.alerts,
    settings,
    messaging,
    log: app.log,
    ...(opts.onChange ? { onChange: opts.onChange } : {}),
  });
  const pollers = createAlertPollers({ repos, alerts: repos.alerts, service, settings: settings.get, log: app.log });
  // The service tells `onChange` once per batch of acknowledgements it writes, not once per screen.
  messaging.on('alertAck', (ack, screenId) => service.acknowledge(ack, screenId));
  const unwatch = settings.onChange(() => pollers.restart());
  // A manual alert a second approver approved (approvals/held-actions.ts): sent as it was asked for.
  held.register('alert', async (content) => {
    await service.createManual(CreateAlert.parse(content), performance.now());
  });
  await app.register(alertRoutes, { service, alerts: repos.alerts, settings, repos, held });
  return {
    async start() {
      await service.resume();
      pollers.start();
    },
    stop() {
      unwatch();
      pollers.stop();
      service.stop();
    },
    service,
    pollers,
  };
}
