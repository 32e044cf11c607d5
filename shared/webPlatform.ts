/**
 * The web-platform globals shared code uses. Browsers and Node (18 and later) both have them;
 * they are typed here so that shared/ compiles with neither the DOM's types nor Node's.
 */

/** The parts of a parsed URL that shared code reads. */
export interface ParsedUrl {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
}

const platform = globalThis as unknown as {
  URL: new (url: string) => ParsedUrl;
  crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
  TextDecoder: new () => Utf8Decoder;
};

/** A UTF-8 decoder (the platform's TextDecoder). */
export interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}

/** A new UTF-8 decoder. */
export function utf8Decoder(): Utf8Decoder {
  return new platform.TextDecoder();
}

/** Parses an absolute URL; throws (a TypeError) when it is not one. */
export function parseUrl(url: string): ParsedUrl {
  return new platform.URL(url);
}

/** Fills `array` with cryptographically strong random bytes. */
export function randomBytes(array: Uint8Array): Uint8Array {
  return platform.crypto.getRandomValues(array);
}
