/**
 * The few runtime APIs that browsers and Node both provide and that exercises/ (and the shared/
 * code it uses) call, declared for exercises/tsconfig.json, which compiles without the DOM and
 * without Node's types so that neither creeps in. The root tsconfig (DOM + Node) excludes this file.
 */
declare function structuredClone<T>(value: T): T;

declare const crypto: {
  getRandomValues<T extends ArrayBufferView>(array: T): T;
  randomUUID(): string;
};

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  toString(): string;
}
