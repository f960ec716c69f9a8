import crypto from 'node:crypto';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Bus, connectBus } from './messaging/bus';
import { type EmbeddedBroker, createWebSocketBridge, startEmbeddedBroker } from './messaging/embedded-broker';
import type { ControllerConfig } from './config';
import { type Db, openDatabase } from './db/database';
import { loadOrCreateManifestSigner } from './publishing/manifest-signer';
import { createBrokerRules } from './messaging/broker-rules';
import { createMessaging } from './messaging/messaging';
import { type Repositories, createRepositories } from './db/repositories';
import { authRoutes } from './accounts/session-routes';
import { tokenRoutes } from './accounts/token-routes';
import { userRoutes } from './accounts/user-routes';
import { createApprovalGate } from './approvals/approval-gate';
import { approvalRoutes, installContributors } from './approvals/approval-routes';
import { createApprovals } from './approvals/approvals';
import { type HeldActions, createHeldActions } from './approvals/held-actions';
import { installRequestContext } from './http/request-context';
import { installSecurityHeaders } from './http/security-headers';
import { installAuditTrail } from './audit/audit-trail';
import { auditRoutes } from './audit/audit-routes';
import { type DeclaredRoute, installAccess } from './http/access';
import { contentFileRoutes } from './library/content-files';
import { installPlayers } from './players/players-domain';
import { healthRoutes } from './http/health';
import { libraryRoutes } from './library/library-routes';
import { playerRoutes } from './players/player-config-routes';
import { scheduleRoutes } from './schedules/schedule-routes';
import { screenRoutes } from './screens/screen-routes';
import { staticApps } from './http/static-apps';
import { installErrorHandler } from './http/http-errors';
import { createAssetDelivery } from './library/renditions';
import { type Publisher, createPublisher } from './publishing/publisher';
import { seedDemo } from './demo/seed';
import { BlobStore } from './library/blob-store';

export interface RunningController {
  app: FastifyInstance;
  db: Db;
  repos: Repositories;
  publisher: Publisher;
  /** Actions a domain holds for a second person (manual alerts when the setting asks for two people). */
  held: HeldActions;
  /** Every /api route with its declared access and audit action. */
  routes: readonly DeclaredRoute[];
  /** http://host:port of the HTTP server. */
  url: string;
  /** TCP port of the embedded broker, or null with an external one. */
  mqttPort: number | null;
  /** Set only on the very first start, when the admin account was created. */
  initialAdminPassword: string | null;
  seededScreens: string[];
  close(): Promise<void>;
}

const JSON_BODY_LIMIT = 256 * 1024;

/** Starts the whole controller: database, broker, HTTP API, console and player files. */
export async function startController(config: ControllerConfig): Promise<RunningController> {
  const db = openDatabase(path.join(config.dataDir, 'baruga.sqlite'));
  const repos = createRepositories(db);
  const store = new BlobStore(config.dataDir);
  const signer = loadOrCreateManifestSigner(config.dataDir);

  let initialAdminPassword: string | null = null;
  if (repos.users.count() === 0) {
    initialAdminPassword = config.adminPassword ?? crypto.randomBytes(12).toString('base64url');
    repos.users.create('admin', initialAdminPassword, 'admin');
  }

  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: JSON_BODY_LIMIT,
    // Requests still running at shutdown get this long to finish.
    return503OnClosing: true,
  });

  let broker: EmbeddedBroker | null = null;
  let bus: Bus;
  let upgrade: { handleUpgrade: EmbeddedBroker['handleUpgrade']; close(): Promise<void> };
  try {
    if (config.mqttUrl) {
      bus = await connectBus(config.mqttUrl);
      upgrade = createWebSocketBridge(config.mqttUrl);
    } else {
      broker = await startEmbeddedBroker({
        port: config.mqttPort,
        host: config.host,
        access: createBrokerRules(repos.players, { allowAnonymous: config.delivery.anonymousPlayers }),
      });
      bus = await connectBus(`mqtt://127.0.0.1:${broker.port}`, broker.controllerCredentials);
      upgrade = broker;
    }
  } catch (error) {
    await broker?.close();
    db.close();
    throw error;
  }

  app.server.on('upgrade', (request, socket, head) => {
    if ((request.url ?? '').split('?')[0] === '/mqtt') upgrade.handleUpgrade(request, socket, head);
    else socket.destroy();
  });

  const delivery = createAssetDelivery(db, repos, store);
  const messaging = createMessaging(bus, app.log);
  const gate = createApprovalGate(repos);
  const publisher = createPublisher(db, repos, messaging, signer, delivery, gate);
  const held = createHeldActions(repos);
  const approvals = createApprovals({ repos, publisher, gate, held });
  installErrorHandler(app);
  await installSecurityHeaders(app);
  await app.register(fastifyCookie);
  const routes = installAccess(app, { repos, trustedOrigins: config.trustedOrigins });
  installAuditTrail(app, { repos });
  installRequestContext(app);
  installContributors(app, { repos });
  await app.register(authRoutes, { repos });
  await app.register(userRoutes, { repos });
  await app.register(tokenRoutes, { repos });
  await app.register(approvalRoutes, { repos, approvals });
  await app.register(auditRoutes, { repos });
  await app.register(healthRoutes);
  await app.register(screenRoutes, { repos, publisher });
  await app.register(scheduleRoutes, { repos, publisher });
  await app.register(playerRoutes, {
    repos,
    mqttWsUrl: config.mqttWsUrl,
    manifestKey: signer.key,
    heartbeatIntervalS: config.delivery.heartbeatIntervalS,
  });
  await app.register(contentFileRoutes, { repos, store });
  await app.register(libraryRoutes, { db, repos, store, delivery, config });
  await app.register(staticApps, { consoleDir: config.consoleDir, playerDir: config.playerDir });

  const stopPlayers = await installPlayers(app, {
    repos,
    messaging,
    store,
    signer,
    config: config.delivery,
    disconnectPlayer: (playerId) => broker?.disconnectPlayer(playerId),
  });
  // Every domain has registered its handlers: one subscription per kind the controller reads.
  await messaging.open();

  // WebSocket clients hold their sockets open; end them first so the HTTP server can close.
  app.addHook('preClose', async () => {
    stopPlayers();
    messaging.close();
    await bus.close();
    // In embedded mode `upgrade` is the broker itself: close it once.
    await upgrade.close();
  });
  app.addHook('onClose', async () => {
    db.close();
  });

  const seededScreens = config.seedDemo ? await seedDemo(db, repos, store) : [];
  for (const id of seededScreens) {
    if (repos.screens.get(id)?.public) await approvals.approveSample(id);
    const published = await publisher.publish(id);
    if (!published.ok) app.log.error({ screen: id, error: published.error }, 'demo publish failed');
  }
  await publisher.republishAll();

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;

  let closing: Promise<void> | null = null;
  return {
    app,
    db,
    repos,
    publisher,
    held,
    routes,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    mqttPort: broker?.port ?? null,
    initialAdminPassword,
    seededScreens,
    close: () => (closing ??= app.close()),
  };
}
