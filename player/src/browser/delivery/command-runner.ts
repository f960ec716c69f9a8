import {
  COMMAND_OK,
  type Command,
  type CommandAck,
  type CommandName,
  ErrorCode,
  type Result,
  missingCase,
} from '@baruga/protocol';
import { z } from 'zod';
import { type PlayerDb, STORES } from './idb';

/** What each command does on this player; command-actions.ts supplies them. A result's message goes into the ack. */
export interface CommandActions {
  reload(): void;
  screenshot(commandId: string): Promise<Result<string>>;
  blackout(on: boolean): Promise<void>;
  identify(durationS: number): void;
  clearCache(): Promise<string>;
  /** Null where no host can restart (a plain browser tab). */
  restartHost: (() => Promise<void>) | null;
}

const DONE_KEY = (screenId: string) => `commands-done:${screenId}`;
const DoneIds = z.array(z.string()).max(200);

/**
 * Runs remote commands once each (a command sent again after a reconnect, or to every window of a player,
 * runs once per screen) and acknowledges each with a stable code. Reload and restart acknowledge first and
 * wait until the broker has the acknowledgement: after them there is no one left to answer, and a command
 * left pending would be sent again to the page that comes back.
 */
export function createCommandRunner(deps: {
  db: PlayerDb;
  screenId: string;
  playerId: string;
  now: () => number;
  /** Publishes an acknowledgement; resolves once the broker has it (or it could not be sent). */
  ack: (ack: CommandAck) => Promise<boolean>;
  actions: CommandActions;
}) {
  const { db, screenId, actions } = deps;
  let done: string[] | null = null;

  const remember = async (id: string) => {
    done ??= DoneIds.catch([]).parse(await db.get(STORES.kv, DONE_KEY(screenId)));
    done = [...done.filter((d) => d !== id), id].slice(-200);
    await db.put(STORES.kv, done, DONE_KEY(screenId));
  };
  const seen = async (id: string) => {
    done ??= DoneIds.catch([]).parse(await db.get(STORES.kv, DONE_KEY(screenId)));
    return done.includes(id);
  };
  const answer = (commandId: string, ok: boolean, code: string, message: string) =>
    deps.ack({
      commandId,
      playerId: deps.playerId,
      screenId,
      ok,
      code,
      message: message.slice(0, 500),
      at: new Date(deps.now()).toISOString(),
    });

  async function run(name: CommandName, command: Command): Promise<void> {
    switch (name) {
      case 'reload':
        await answer(command.id, true, COMMAND_OK, 'reloading');
        return actions.reload();
      case 'screenshot': {
        const shot = await actions.screenshot(command.id);
        if (shot.ok) answer(command.id, true, COMMAND_OK, shot.value);
        else answer(command.id, false, shot.error.code, shot.error.message);
        return;
      }
      case 'blackout':
        await actions.blackout(true);
        answer(command.id, true, COMMAND_OK, 'screen is black');
        return;
      case 'restore':
        await actions.blackout(false);
        answer(command.id, true, COMMAND_OK, 'content restored');
        return;
      case 'identify': {
        const seconds = command.params.durationS ?? 15;
        actions.identify(seconds);
        answer(command.id, true, COMMAND_OK, `name shown for ${seconds} s`);
        return;
      }
      case 'clear-cache':
        answer(command.id, true, COMMAND_OK, await actions.clearCache());
        return;
      case 'restart-host':
        if (!actions.restartHost) {
          answer(command.id, false, ErrorCode.commandUnsupported, 'no host to restart: a plain browser tab');
          return;
        }
        await answer(command.id, true, COMMAND_OK, 'restarting the host');
        return actions.restartHost();
      default:
        missingCase(name);
    }
  }

  return {
    /** One command, decoded from the wire by the controller link (protocol decodeMessage). */
    async handle(command: Command): Promise<void> {
      if (await seen(command.id)) return;
      await remember(command.id);
      if (Date.parse(command.expiresAt) <= deps.now()) {
        answer(command.id, false, ErrorCode.commandExpired, 'the command expired before it arrived');
        return;
      }
      try {
        await run(command.name, command);
      } catch (error) {
        answer(command.id, false, ErrorCode.commandFailed, String(error));
      }
    },
  };
}
