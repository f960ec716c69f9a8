import {
  type AlertAccepted,
  type AlertHeld,
  AlertSettings,
  type AlertView,
  AlertsQuery,
  ClearAlertQuery,
  CreateAlert,
  ErrorCode,
} from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseWith } from '../http/http-errors';
import type { Repositories } from '../db/repositories';
import type { HeldActions } from '../approvals/held-actions';
import { manualAlertsNeedTwoPeople } from '../approvals/approval-routes';
import type { AlertService } from './alert-service';
import type { AlertSettingsStore } from './alert-settings';
import type { AlertsRepository } from './alerts-repository';
import { parseCap } from './cap-parser';
import { ALERT_TEMPLATES } from './templates';

const Params = z.object({ id: z.uuid() });
const CAP_TYPES = ['application/cap+xml', 'application/xml', 'text/xml'];
/** Larger than CAP's own limit, so an oversized message gets the CAP code, not the generic one. */
const CAP_BODY_LIMIT = 4 * 1024 * 1024;

const CAP_STATUS: Readonly<Record<string, number>> = {
  [ErrorCode.capMalformed]: 400,
  [ErrorCode.capForbiddenMarkup]: 400,
  [ErrorCode.capNamespace]: 400,
  [ErrorCode.capInvalid]: 422,
  [ErrorCode.capLimit]: 413,
};

/** Alerts (docs/api.md, "Alerts"); a CAP message arrives as XML, everything else as JSON. */
export async function alertRoutes(
  app: FastifyInstance,
  opts: {
    service: AlertService;
    alerts: AlertsRepository;
    settings: AlertSettingsStore;
    repos: Repositories;
    held: HeldActions;
  },
) {
  const { service, alerts, settings, repos, held } = opts;
  // Kept as text: the CAP parser reads it strictly (cap-parser.ts), no generic XML parser ever sees it.
  app.addContentTypeParser(CAP_TYPES, { parseAs: 'string', bodyLimit: CAP_BODY_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  const alertOr404 = (id: string) => {
    const alert = alerts.get(id);
    if (!alert) throw new ApiError(404, ErrorCode.alertNotFound, `no alert "${id}"`);
    return alert;
  };

  app.post(
    '/api/alerts/cap',
    { bodyLimit: CAP_BODY_LIMIT, config: { access: 'approver', action: 'alert.cap' } },
    async (request, reply): Promise<AlertAccepted> => {
      const arrived = performance.now();
      if (typeof request.body !== 'string') {
        throw new ApiError(
          415,
          ErrorCode.unsupportedMediaType,
          `send the CAP XML as ${CAP_TYPES.slice(0, 2).join(' or ')}`,
        );
      }
      const message = parseCap(request.body);
      if (!message.ok) {
        throw new ApiError(
          CAP_STATUS[message.error.code] ?? 400,
          message.error.code,
          message.error.message,
          message.error.details,
        );
      }
      const accepted = await service.receiveCap(message.value, 'cap', request.body, arrived);
      return reply.status(202).send(accepted);
    },
  );

  app.post('/api/alerts', { config: { access: 'approver', action: 'alert.create' } }, async (request, reply) => {
    const arrived = performance.now();
    const body = parseWith(CreateAlert, request.body);
    // Two people for a manual alert when the setting says so: held in the approval queue, sent on approval.
    if (manualAlertsNeedTwoPeople(repos)) {
      const row = held.hold('alert', {
        summary: body.headline ?? body.event,
        content: body,
        author: request.actor ?? { kind: 'system', name: 'unknown' },
      });
      return reply.status(202).send({ held: true, approvalId: row.id } satisfies AlertHeld);
    }
    return reply.status(202).send(await service.createManual(body, arrived));
  });

  app.get('/api/alerts', { config: { access: 'signed-in' } }, async (request): Promise<AlertView[]> => {
    const query = parseWith(AlertsQuery, request.query, 'query');
    const list = query.state === 'active' ? alerts.active() : alerts.recent(query.limit);
    return list
      .filter((a) => query.state === 'all' || (query.state === 'ended') === (a.endedAt !== null))
      .slice(0, query.limit)
      .map(service.view);
  });

  app.get('/api/alerts/templates', { config: { access: 'signed-in' } }, async () => ALERT_TEMPLATES);

  app.get('/api/alerts/settings', { config: { access: 'signed-in' } }, async () => settings.get());

  app.put('/api/alerts/settings', { config: { access: 'admin', action: 'alert.settings' } }, async (request) => {
    const next = parseWith(AlertSettings, request.body);
    settings.set(next);
    return next;
  });

  app.get('/api/alerts/:id', { config: { access: 'signed-in' } }, async (request) => {
    const { id } = parseWith(Params, request.params, 'path');
    return service.view(alertOr404(id));
  });

  app.delete('/api/alerts/:id', { config: { access: 'approver', action: 'alert.clear' } }, async (request) => {
    const { id } = parseWith(Params, request.params, 'path');
    const { allClear } = parseWith(ClearAlertQuery, request.query, 'query');
    const alert = alertOr404(id);
    if (alert.endedAt) {
      throw new ApiError(409, ErrorCode.alertEnded, `alert "${id}" already ended (${alert.endedReason ?? 'ended'})`);
    }
    await service.clear(id, allClear);
    return service.view(alertOr404(id));
  });
}
