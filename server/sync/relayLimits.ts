/** The relay's limits per connection and room (set from the environment in server/config.ts). */
export interface RelayLimits {
  /** Largest WebSocket frame accepted, bytes. Larger frames close the connection with 1009. */
  maxPayloadBytes: number;
  /** Token bucket per connection: sustained messages per second and burst size. */
  messagesPerSecond: number;
  messageBurst: number;
  /** A socket that has not completed its authenticated upgrade by then is dropped. */
  preAuthDeadlineMs: number;
  /** A connection whose unsent buffer exceeds this is closed as a slow consumer. */
  maxBufferedBytes: number;
  /** Ping interval; a connection that did not answer the previous ping is terminated. */
  pingIntervalMs: number;
  /** A room stays loaded this long after its last connection leaves. */
  unloadGraceMs: number;
  /** The update log of a board is compacted (its compacted state rewritten) when it grows past this. */
  compactAfterUpdates: number;
  /**
   * A log past `compactAfterUpdates` is compacted once no write has come for this long (0: at
   * once); it is compacted at once anyway when it reaches four times the threshold.
   */
  compactIdleMs: number;
  /** Presence (awareness) client ids one connection may own; further ones are dropped. */
  maxPresencesPerConnection: number;
  /** Longest presence state accepted (characters of its JSON); longer states are dropped. */
  maxPresenceBytes: number;
  /** A connection's query-awareness is answered at most once per this interval (later ones coalesce). */
  presenceQueryIntervalMs: number;
}

export const DEFAULT_LIMITS: RelayLimits = {
  maxPayloadBytes: 8 * 1024 * 1024,
  messagesPerSecond: 300,
  messageBurst: 1500,
  preAuthDeadlineMs: 10_000,
  maxBufferedBytes: 16 * 1024 * 1024,
  pingIntervalMs: 30_000,
  unloadGraceMs: 15_000,
  compactAfterUpdates: 500,
  compactIdleMs: 500,
  maxPresencesPerConnection: 4,
  maxPresenceBytes: 32 * 1024,
  presenceQueryIntervalMs: 1000,
};
