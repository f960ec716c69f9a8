import crypto from 'node:crypto';
import { type Command, type CommandView, ErrorCode, IssueCommand } from '@baruga/protocol';
import { checkPicture } from '@baruga/content/node';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Messaging } from '../messaging/messaging';
import type { Repositories } from '../db/repositories';
import { ApiError, parseWith } from '../http/http-errors';
import type { BlobStore } from '../library/blob-store';

const Params = z.object({ id: z.string().max(64) });
const CommandParamsPath = z.object({ id: z.uuid() });
/** A screenshot of a 4K panel as PNG is a few megabytes; this leaves room for an 8K wall tile. */
const MAX_SCREENSHOT_BYTES = 32 * 1024 * 1024;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Commands only an enrolled player is asked: see `issue`. */
const ENROLLED_ONLY: ReadonlySet<string> = new Set(['screenshot', 'restart-host']);

const wire = (c: CommandView): Command => ({
  id: c.id,
  name: c.name,
  params: c.params,
  issuedAt: c.issuedAt,
  expiresAt: c.expiresAt,
});

/** A screen command goes to the screen's topic, a player command to the player's. */
const sendCommand = (messaging: Messaging, command: CommandView) =>
  command.target.kind === 'screen'
    ? messaging.send('commands', command.target.id, wire(command))
    : messaging.send('playerCommands', command.target.id, wire(command));

/**
 * Remote commands (docs/delivery.md): issued over HTTP by an operator, sent over MQTT to one screen or to
 * every screen of a player, answered by an acknowledgement with a stable code. A command a player could
 * not receive (offline) is sent again when its screen comes back online, until it expires.
 */
export function followCommands(messaging: Messaging, repos: Repositories, log: FastifyInstance['log']): void {
  messaging.on('acks', (ack, screenId) => {
    if (ack.screenId !== screenId) {
      log.warn({ screen: screenId }, 'command acknowledgement names another screen; ignored');
      return;
    }
    const command = repos.commands.get(ack.commandId);
    if (!command) return;
    // Only the screen a command was for, or a screen of the player it was for, may answer it.
    const answerable =
      command.target.kind === 'screen'
        ? command.target.id === screenId
        : repos.players.screensOf(command.target.id).includes(screenId);
    if (!answerable) {
      log.warn(
        { screen: screenId, command: command.id },
        'acknowledgement from a screen the command was not for; ignored',
      );
      return;
    }
    const decided = repos.commands.acknowledge({
      id: command.id,
      ok: ack.ok,
      code: ack.code,
      message: ack.message,
      screenId,
      at: new Date(),
    });
    // The answer that decided a command is part of its story in the audit trail, as the player told it.
    if (decided) {
      repos.audit.append({
        actor: { kind: 'player', id: ack.playerId },
        action: 'command.acknowledge',
        target: command.id,
        outcome: ack.ok ? 200 : 500,
        detail: { command: command.name, screenId, code: ack.code },
      });
    }
  });

  messaging.on('status', (status, screenId) => {
    if (status.state !== 'online') return;
    const owner = repos.players.ownerOf(screenId);
    const pending = [
      ...repos.commands.pendingFor('screen', screenId),
      ...(owner ? repos.commands.pendingFor('player', owner.id) : []),
    ];
    for (const command of pending) {
      sendCommand(messaging, command).catch((error: unknown) => log.warn({ err: error }, 'resend failed'));
    }
  });
}

export async function commandRoutes(
  app: FastifyInstance,
  { repos, messaging, store }: { repos: Repositories; messaging: Messaging; store: BlobStore },
) {
  async function issue(target: { kind: 'screen' | 'player'; id: string }, body: IssueCommand, by: string) {
    const now = new Date();
    const anonymousOnly = target.kind === 'screen' && !repos.players.ownerOf(target.id);
    if (anonymousOnly && ENROLLED_ONLY.has(body.name)) {
      // A screenshot's command id is the capability to upload it, and an anonymous client may read an unclaimed
      // screen's commands: it is asked of enrolled players only (as is a host restart, which a tab cannot do).
      throw new ApiError(
        409,
        ErrorCode.screenNotEnrolled,
        `"${body.name}" needs an enrolled player on ${target.id}; pair a player with this screen first`,
      );
    }
    const command = repos.commands.create({
      id: crypto.randomUUID(),
      name: body.name,
      params: body.params,
      target,
      issuedBy: by,
      issuedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + body.ttlS * 1000).toISOString(),
      ...(anonymousOnly
        ? { unacknowledged: { message: 'sent to anonymous players, which do not acknowledge commands' } }
        : {}),
    });
    try {
      await sendCommand(messaging, command);
    } catch (error) {
      // Stored and pending: it goes out again when the screen reports online.
      app.log.warn({ err: error, command: command.id }, 'command not sent now; will be resent on reconnect');
    }
    return command;
  }

  app.post(
    '/api/screens/:id/commands',
    { config: { access: 'editor', action: 'command.issue' } },
    async (request, reply) => {
      const { id } = parseWith(Params, request.params, 'path');
      if (!repos.screens.get(id)) throw new ApiError(404, ErrorCode.screenNotFound, `no screen "${id}"`);
      const body = parseWith(IssueCommand, request.body);
      return reply.status(202).send(await issue({ kind: 'screen', id }, body, request.user?.username ?? 'unknown'));
    },
  );

  app.post(
    '/api/players/:id/commands',
    { config: { access: 'editor', action: 'command.issue' } },
    async (request, reply) => {
      const { id } = parseWith(Params, request.params, 'path');
      const player = repos.players.get(id);
      if (!player) throw new ApiError(404, ErrorCode.playerNotFound, `no player "${id}"`);
      if (player.state !== 'active') {
        throw new ApiError(409, ErrorCode.playerNotActive, `player ${id} is ${player.state}; it takes no commands`);
      }
      const body = parseWith(IssueCommand, request.body);
      if (body.name === 'screenshot') {
        throw new ApiError(400, ErrorCode.validation, 'a screenshot is of one screen: POST /api/screens/:id/commands');
      }
      return reply.status(202).send(await issue({ kind: 'player', id }, body, request.user?.username ?? 'unknown'));
    },
  );

  app.get('/api/commands/:id', { config: { access: 'signed-in' } }, async (request): Promise<CommandView> => {
    const { id } = parseWith(CommandParamsPath, request.params, 'path');
    repos.commands.expireDue();
    const command = repos.commands.get(id);
    if (!command) throw new ApiError(404, ErrorCode.commandNotFound, `no command "${id}"`);
    return command;
  });

  app.get('/api/screens/:id/commands', { config: { access: 'signed-in' } }, async (request): Promise<CommandView[]> => {
    const { id } = parseWith(Params, request.params, 'path');
    if (!repos.screens.get(id)) throw new ApiError(404, ErrorCode.screenNotFound, `no screen "${id}"`);
    repos.commands.expireDue();
    return repos.commands.forScreen(id);
  });

  // The screenshot upload is public: the command id, unguessable and sent only on the screen's own
  // command topic, is the capability. It works once, for a pending screenshot command, before expiry.
  app.register(async (upload) => {
    upload.addContentTypeParser(
      'image/png',
      { parseAs: 'buffer', bodyLimit: MAX_SCREENSHOT_BYTES },
      (_req, body, done) => done(null, body),
    );
    upload.put(
      '/api/commands/:id/screenshot',
      { bodyLimit: MAX_SCREENSHOT_BYTES, config: { access: 'player', action: 'command.screenshot-upload' } },
      async (request, reply) => {
        const { id } = parseWith(CommandParamsPath, request.params, 'path');
        repos.commands.expireDue();
        const command = repos.commands.get(id);
        if (!command || command.name !== 'screenshot') {
          throw new ApiError(404, ErrorCode.commandNotFound, `no screenshot command "${id}"`);
        }
        if (command.state !== 'pending' || command.screenshot) {
          throw new ApiError(409, ErrorCode.commandClosed, `command ${id} is ${command.state}; it takes no upload`);
        }
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length < PNG_MAGIC.length || !body.subarray(0, 8).equals(PNG_MAGIC)) {
          throw new ApiError(
            415,
            ErrorCode.unsupportedMediaType,
            'a screenshot must be a PNG (Content-Type: image/png)',
          );
        }
        // The console shows a screenshot as it shows library content: the same checks as an upload, so a
        // truncated file or a decompression bomb never reaches an operator's browser.
        const checked = await checkPicture(body, { accept: ['png'] });
        if (!checked.ok) {
          const status =
            checked.error.code === ErrorCode.pixelLimit || checked.error.code === ErrorCode.corruptFile ? 422 : 415;
          throw new ApiError(status, checked.error.code, `screenshot refused: ${checked.error.message}`);
        }
        const blob = await store.putBuffer(body);
        repos.blobs.add({ sha256: blob.sha256, size: blob.size, mime: 'image/png' });
        repos.commands.attachScreenshot(id, command.target.id, blob.sha256);
        return reply.status(201).send({ sha256: blob.sha256, url: `/content/${blob.sha256}` });
      },
    );
  });
}
