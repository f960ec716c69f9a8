import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Bus, connectBus } from './messaging/bus';
import { type EmbeddedBroker, createWebSocketBridge, startEmbeddedBroker } from './messaging/embedded-broker';
import type { ControllerConfig } from './config';
import { type Db, openDatabase } from './db/database';
import { loadOrCreateManifestSigner } from './publishing/manifest-signer';
import { createBrokerRules } from './messaging/broker-rules';
import { type Messaging, createMessaging } from './messaging/messaging';
import { controllerPassword, startMosquittoSync } from './messaging/mosquitto-sync';
import { type Repositories, createRepositories } from './db/repositories';
import { authRoutes } from './accounts/session-routes';
import { tokenRoutes } from './accounts/token-routes';
import { userRoutes } from './accounts/user-routes';
import { createApprovalGate } from './approvals/approval-gate';
import { approvalRoutes, installContributors } from './approvals/approval-routes';
import { createApprovals } from './approvals/approvals';
import { type HeldActions, createHeldActions } from './approvals/held-actions';
import { connectionDrain } from './http/drain';
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
import { wallRoutes } from './walls/wall-routes';
import { brightnessRoutes } from './screens/brightness-routes';
import { staticApps } from './http/static-apps';
import { clientErrorHandler, frameworkErrors, installErrorHandler } from './http/http-errors';
import { createAssetDelivery } from './library/renditions';
import { type Publisher, createPublisher } from './publishing/publisher';
import { seedDemo } from './demo/seed';
import { BlobStore } from './library/blob-store';
import { announcementRoutes } from './announcements/announcement-routes';
import { createChangeFeed } from './changes/change-feed';
import { changeRoutes, followChanges, installChangeHooks } from './changes/change-routes';
import { overviewRoutes } from './overview/overview-routes';
import { previewRoutes } from './publishing/preview-routes';
import { createRepublisher } from './publishing/republish';
import { schedulePreviewRoutes } from './schedules/schedule-preview-routes';
import { installSources } from './sources/sources-domain';
import { prayerRoutes } from './prayer/prayer-routes';
import { installAlerts } from './alerts/alerts-domain';

export interface RunningController {
  app: FastifyInstance;
  db: Db;
  repos: Repositories;
  publisher: Publisher;
  /** The controller's side of the MQTT message table; tests listen beside the domains' handlers. */
  messaging: Messaging;
  /** Actions a domain holds for a second person (manual alerts when the setting asks for two people). */
  held: HeldActions;
  /** Every /api route with its declared access and audit action. */
  routes: readonly DeclaredRoute[];
  /** http://host:port of the HTTP server. */
  url: string;
  /** TCP port of the embedded broker, or null with an external one (loopback only when TLS is on). */
  mqttPort: number | null;
  /** MQTT over TLS port of the embedded broker, when a certificate is configured. */
  mqttsPort: number | null;
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

  const tlsOptions = config.tls;
  const app = Fastify({
    logger: { level: config.logLevel },
    // HTTPS when a certificate is configured: the console, the API, players' files and WSS at /mqtt alike.
    serverFactory: (handler) =>
      tlsOptions
        ? https.createServer({ cert: tlsOptions.cert, key: tlsOptions.key, minVersion: 'TLSv1.2' }, handler)
        : http.createServer(handler),
    bodyLimit: JSON_BODY_LIMIT,
    // Requests that arrive while closing are answered 503 in the documented shape (http-errors.ts).
    return503OnClosing: false,
    // Per-client limits read the client's address; behind a reverse proxy, from the proxies named here.
    ...(config.trustProxy.length > 0 ? { trustProxy: config.trustProxy } : {}),
    // Errors raised before any route runs answer in the documented shape too (http-errors.ts).
    frameworkErrors,
    clientErrorHandler,
  });

  // Spare connections browsers open ahead of need would otherwise hold a stop for minutes (http/drain.ts).
  const drain = connectionDrain(app.server);

  let broker: EmbeddedBroker | null = null;
  let bus: Bus;
  let upgrade: { handleUpgrade: EmbeddedBroker['handleUpgrade']; close(): Promise<void> };
  let mosquitto: ReturnType<typeof startMosquittoSync> | null = null;
  try {
    if (config.mqttUrl) {
      // The broker must know the controller's account (and the players') before the controller connects.
      if (config.mosquittoDir) {
        mosquitto = startMosquittoSync({
          dir: config.mosquittoDir,
          pidFile: config.mosquittoPidFile,
          repos,
          allowAnonymous: config.delivery.anonymousPlayers,
          controllerPassword: controllerPassword(config.mqttUrl),
          onError: (error) => app.log.error({ err: error }, 'could not write the Mosquitto password file and ACL'),
        });
      }
      bus = await connectBus(config.mqttUrl, config.mqttCa ? { ca: config.mqttCa } : {});
      upgrade = createWebSocketBridge(config.mqttUrl);
    } else {
      broker = await startEmbeddedBroker({
        port: config.mqttPort,
        host: config.host,
        ...(config.tls ? { tls: { cert: config.tls.cert, key: config.tls.key, port: config.mqttsPort } } : {}),
        access: createBrokerRules(repos.players, repos.screens, {
          allowAnonymous: config.delivery.anonymousPlayers,
          screensShowing: repos.feedReaders.screensShowing,
        }),
        onRefusedPacket: (event) => app.log.warn(event, 'MQTT connection closed: packet over its limit'),
        onRefusedRetained: (event) => app.log.error(event, 'retained MQTT message not kept: the store is full'),
      });
      bus = broker.bus;
      upgrade = broker;
    }
  } catch (error) {
    mosquitto?.stop();
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
  if (mosquitto) {
    const { sync } = mosquitto;
    // A paired, moved or revoked player, a new or public screen: the broker learns it now, not at the next tick.
    app.addHook('onResponse', async (request, reply) => {
      const url = request.url;
      if (request.method === 'GET' || reply.statusCode >= 400) return;
      if (url.startsWith('/api/players') || url.startsWith('/api/screens')) sync();
    });
  }
  await installSecurityHeaders(app);
  await app.register(fastifyCookie);
  const routes = installAccess(app, { repos, trustedOrigins: config.trustedOrigins });
  installAuditTrail(app, { repos });
  // The console's live updates: every successful write, and what players report, moves one counter.
  const changes = createChangeFeed();
  installChangeHooks(app, changes);
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
  await app.register(schedulePreviewRoutes, { repos });
  await app.register(announcementRoutes, { db, repos, republish: createRepublisher(publisher, app.log) });
  await app.register(previewRoutes, { repos, publisher });
  await app.register(changeRoutes, { feed: changes });
  await app.register(wallRoutes, { repos, publisher });
  await app.register(brightnessRoutes, { repos, publisher });
  await app.register(playerRoutes, {
    repos,
    mqttWsUrl: config.mqttWsUrl,
    manifestKey: signer.key,
    heartbeatIntervalS: config.delivery.heartbeatIntervalS,
    anonymousPlayers: config.delivery.anonymousPlayers,
  });
  await app.register(contentFileRoutes, { repos, store });
  await app.register(libraryRoutes, { db, repos, store, delivery, config });
  await app.register(prayerRoutes);
  await app.register(staticApps, { consoleDir: config.consoleDir, playerDir: config.playerDir });

  const players = await installPlayers(app, {
    repos,
    messaging,
    store,
    signer,
    config: config.delivery,
    disconnectPlayer: (playerId) => broker?.disconnectPlayer(playerId),
  });
  await app.register(overviewRoutes, { repos, delivery: players.delivery });
  followChanges(messaging, changes);
  // Fetches on their interval, alerts from feeds, expiries and acknowledgements change pages without a request.
  const dataSources = await installSources(app, { repos, messaging, onChange: () => changes.bump('sources') });
  const alerting = await installAlerts(app, { repos, messaging, held, onChange: () => changes.bump('alerts') });
  // Every domain has registered its handlers: one subscription per kind the controller reads.
  await messaging.open();

  // WebSocket clients hold their sockets open; end them first so the HTTP server can close.
  app.addHook('preClose', async () => {
    players.stop();
    mosquitto?.stop();
    dataSources.stop();
    alerting.stop();
    messaging.close();
    await bus.close();
    // In embedded mode `upgrade` is the broker itself: close it once.
    await upgrade.close();
    drain.end();
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
  // An external broker that restarted without persistence lost every retained manifest: send them again.
  bus.onReconnect(() => {
    publisher.republishAll().then(
      (count) => app.log.info({ count }, 'broker link back: manifests published again'),
      (error: unknown) => app.log.warn({ err: error }, 'republishing after the broker came back failed'),
    );
  });
  await dataSources.start();
  await alerting.start();

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
    messaging,
    held,
    routes,
    url: `${config.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    mqttPort: broker?.port ?? null,
    mqttsPort: broker?.tlsPort ?? null,
    initialAdminPassword,
    seededScreens,
    close: () => (closing ??= app.close()),
  };
}
