/** Board ids are 16 url-safe characters; tokens are 43 (256 bits, base64url). */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;

export function isBoardId(value: string): boolean {
  return BOARD_ID_PATTERN.test(value);
}
