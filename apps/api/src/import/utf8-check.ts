import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

/** Thrown when the bytes are not UTF-8; `line` is where the bad bytes are. */
export class InvalidUtf8Error extends Error {
  constructor(readonly line: number) {
    super('the file is not valid UTF-8 text (save it as "CSV UTF-8")');
  }
}

/**
 * Passes bytes through unchanged while checking they decode as UTF-8, counting lines so the
 * error can say where the bad bytes are.
 */
export class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private line = 1;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      callback(new InvalidUtf8Error(this.line + countNewlinesBeforeInvalid(chunk)));
      return;
    }
    for (const byte of chunk) if (byte === 0x0a) this.line += 1;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.decoder.decode();
      callback();
    } catch {
      callback(new InvalidUtf8Error(this.line));
    }
  }
}

function countNewlinesBeforeInvalid(chunk: Buffer): number {
  const probe = new TextDecoder('utf-8', { fatal: true });
  let newlines = 0;
  for (let i = 0; i < chunk.length; i++) {
    try {
      probe.decode(chunk.subarray(i, i + 1), { stream: true });
    } catch {
      return newlines;
    }
    if (chunk[i] === 0x0a) newlines += 1;
  }
  return newlines;
}
