import { MESSAGE_KINDS, type MessageKindName } from '@baruga/protocol';
import { z } from 'zod';

/**
 * What the fleet's parent and its worker processes say to each other over the IPC channel. Parsed on arrival
 * like anything else that crosses a process boundary.
 */
const Kind = z.enum(MESSAGE_KINDS as [MessageKindName, ...MessageKindName[]]);

export const PlayerSpecSchema = z.object({
  screenId: z.string().min(1),
  playerId: z.string().min(1),
  password: z.string().optional(),
  transport: z.enum(['tcp', 'ws']),
});

export const WorkerRequest = z.discriminatedUnion('cmd', [
  z.object({
    id: z.int(),
    cmd: z.literal('init'),
    players: z.array(PlayerSpecSchema),
    urls: z.object({ tcp: z.string(), ws: z.string().nullable() }),
    heartbeatIntervalS: z.number().positive(),
    connectTimeoutMs: z.int().positive().optional(),
    reads: z.array(Kind),
  }),
  /** Every player starts its first attempt at `at` (machine time), so all processes start together. */
  z.object({ id: z.int(), cmd: z.literal('start'), at: z.number() }),
  z.object({ id: z.int(), cmd: z.literal('drop') }),
  z.object({ id: z.int(), cmd: z.literal('report') }),
  z.object({ id: z.int(), cmd: z.literal('arrivals'), kind: Kind, since: z.number() }),
  /** Every connected player publishes `count` QoS 1 heartbeats at once (a broker throughput probe). */
  z.object({ id: z.int(), cmd: z.literal('burst'), count: z.int().min(1).max(100) }),
  z.object({ id: z.int(), cmd: z.literal('stop') }),
]);
export type WorkerRequest = z.infer<typeof WorkerRequest>;

export const Counters = z.object({
  attempts: z.int(),
  failures: z.object({ timeout: z.int(), refused: z.int(), error: z.int(), closed: z.int() }),
  lost: z.int(),
  sent: z.int(),
  received: z.int(),
});
export type Counters = z.infer<typeof Counters>;

export const WorkerReport = z.object({
  players: z.int(),
  connected: z.int(),
  /** Per player, in the order given at init: when its current connection became ready, or null. */
  readyAt: z.array(z.number().nullable()),
  counters: Counters,
});
export type WorkerReport = z.infer<typeof WorkerReport>;

export const Arrival = z.object({ screenId: z.string(), key: z.string(), at: z.number() });
export type Arrival = z.infer<typeof Arrival>;

export const WorkerReply = z.union([
  z.object({ id: z.int(), ok: z.literal(true), value: z.unknown() }),
  z.object({ id: z.int(), ok: z.literal(false), error: z.string() }),
]);
export type WorkerReply = z.infer<typeof WorkerReply>;

export const BurstResult = z.object({ startedAt: z.number(), doneAt: z.number(), acked: z.int() });
export type BurstResult = z.infer<typeof BurstResult>;
