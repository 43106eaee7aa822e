import type { Writable } from 'node:stream';

/**
 * Page text reaches the terminal through `show`, `status`, `log`, `diff`, messages naming
 * files. Escape sequences in it (ESC for CSI and OSC: cursor moves, screen clears, window
 * titles, clipboard writes, hyperlinks) and bidi overrides (text that reads differently from
 * what it is) must not act on the terminal. Everything printed goes through `escapeForTerminal`.
 *
 * Our own colours are written with a sentinel (a Unicode noncharacter, which the cleaner
 * removes from page text) in place of ESC, and turned back into ESC only as the complete
 * colour sequences picocolors writes, after every raw control character has been escaped.
 */
export const COLOR_SENTINEL = '\uFDD0';

/** A renderer's colours, marked as ours so the terminal-safe output keeps them. */
export function colorSafe(text: string, color: boolean): string {
  return color ? text.replaceAll('\u001b', COLOR_SENTINEL) : text;
}

// C0 controls but tab and newline, DEL, C1 controls: never part of text.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Bidi embeddings, overrides and isolates, the Arabic letter mark, and noncharacters: escaped on a terminal.
const BIDI_AND_NONCHARACTERS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]/g;
const SENTINEL_COLOR = /\uFDD0(\[[0-9;]*m)/g;

const escapeChar = (char: string) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

export interface EscapeOptions {
  /** The stream is a terminal: bidi controls are escaped too (in a pipe they stay, for right-to-left text). */
  terminal: boolean;
}

/**
 * Escape what must not reach a terminal as `\uXXXX` (inside JSON strings that is the same
 * character, so JSON output keeps its meaning), then restore our own colour sequences.
 */
export function escapeForTerminal(text: string, { terminal }: EscapeOptions): string {
  let out = text.replace(CONTROLS, escapeChar);
  if (terminal)
    out = out.replace(BIDI_AND_NONCHARACTERS, (char) => (char === COLOR_SENTINEL ? char : escapeChar(char)));
  out = out.replace(SENTINEL_COLOR, '\u001b$1');
  return out.replaceAll(COLOR_SENTINEL, escapeChar(COLOR_SENTINEL));
}

/** A stream whose string writes are escaped for the terminal; everything else is the stream itself. */
export function terminalSafe<T extends Writable & { isTTY?: boolean }>(stream: T): T {
  const terminal = Boolean(stream.isTTY);
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') {
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...args: unknown[]) => boolean)(
            typeof chunk === 'string' ? escapeForTerminal(chunk, { terminal }) : chunk,
            ...rest,
          );
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
