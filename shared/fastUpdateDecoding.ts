import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { utf8Decoder } from './webPlatform';

/**
 * Applying a Yjs update that holds a whole board spends most of its time decoding strings: every
 * record is a JSON-like value (`ContentAny`) of some forty short strings (keys, ids, props), and
 * lib0 decodes each with a `TextDecoder` call, whose fixed cost dwarfs a string of ten ASCII
 * bytes (measured: ~60 % of `Y.applyUpdate` for a 5,000-shape board, in Node and in Chromium).
 * `FastUpdateDecoderV1` is Yjs's own v1 update decoder with the strings of that content, map
 * keys and texts read by `readVarStringFast`: ASCII in plain JavaScript, anything else (or a
 * long string) by the `TextDecoder` as before. The values decoded are the same as lib0's, the
 * same bytes are consumed, and malformed input throws as it does there (tested against lib0 in
 * fastUpdateDecoding.test.ts).
 */

const utf8 = utf8Decoder();
/** Longer strings go to the TextDecoder, which is faster once its call is paid for. */
const SHORT = 64;

/** lib0's `readVarString`, with a fast path for short ASCII strings. */
export function readVarStringFast(decoder: decoding.Decoder): string {
  const len = decoding.readVarUint(decoder);
  const arr = decoder.arr;
  const start = decoder.pos;
  const end = start + len;
  if (end > arr.length) throw new RangeError('Yjs update: string beyond the end of the data');
  decoder.pos = end;
  if (len <= SHORT) {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = arr[i];
      if (c > 0x7f) return utf8.decode(arr.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return utf8.decode(arr.subarray(start, end));
}

/** lib0's `readAny` (its "any" encoding: types 127 … 116), reading strings with readVarStringFast. */
export function readAnyFast(decoder: decoding.Decoder): unknown {
  const type = decoding.readUint8(decoder);
  switch (type) {
    case 127:
      return undefined;
    case 126:
      return null;
    case 125:
      return decoding.readVarInt(decoder);
    case 124:
      return decoding.readFloat32(decoder);
    case 123:
      return decoding.readFloat64(decoder);
    case 122:
      return decoding.readBigInt64(decoder);
    case 121:
      return false;
    case 120:
      return true;
    case 119:
      return readVarStringFast(decoder);
    case 118: {
      const len = decoding.readVarUint(decoder);
      const obj: Record<string, unknown> = {};
      for (let i = 0; i < len; i++) {
        const key = readVarStringFast(decoder);
        obj[key] = readAnyFast(decoder);
      }
      return obj;
    }
    case 117: {
      const len = decoding.readVarUint(decoder);
      const arr: unknown[] = [];
      for (let i = 0; i < len; i++) arr.push(readAnyFast(decoder));
      return arr;
    }
    case 116:
      return decoding.readVarUint8Array(decoder);
    default:
      throw new TypeError(`Yjs update: unknown value type ${type}`);
  }
}

/** Yjs's v1 update decoder, reading strings and JSON-like values with the fast readers above. */
export class FastUpdateDecoderV1 extends Y.UpdateDecoderV1 {
  override readString(): string {
    return readVarStringFast(this.restDecoder);
  }

  override readAny(): any {
    return readAnyFast(this.restDecoder);
  }

  override readJSON(): any {
    return JSON.parse(readVarStringFast(this.restDecoder));
  }

  override readKey(): string {
    return readVarStringFast(this.restDecoder);
  }
}

/** `Y.applyUpdate` (a v1 update) with FastUpdateDecoderV1. */
export function applyUpdateFast(doc: Y.Doc, update: Uint8Array, origin?: unknown): void {
  Y.applyUpdateV2(doc, update, origin, FastUpdateDecoderV1);
}
