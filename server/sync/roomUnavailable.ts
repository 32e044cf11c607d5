/** Thrown by editControlDoc and editBoardDoc when the document cannot be used (shutting down, load or store failed). */
export class RoomUnavailableError extends Error {
  constructor(
    message: string,
    /** `load`: the document could not be loaded (see rewriteStoredDoc); others are transient. */
    readonly reason: 'closing' | 'load' | 'store' | 'busy' = 'busy',
  ) {
    super(message);
  }
}
