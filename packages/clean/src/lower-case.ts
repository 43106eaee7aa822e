/**
 * `text.toLowerCase()` without making a string when there is nothing to lower. V8's
 * `toLowerCase` returns a new string every time, even for one already in lower case; the cleaner
 * lowers an element's `localName` (almost always lower case already) tens of thousands of times
 * a page, and those strings were about a tenth of what a page allocated.
 */
export function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A-Z, or any character outside ASCII (whose lower case only `toLowerCase` knows).
    if ((code >= 65 && code <= 90) || code > 127) return text.toLowerCase();
  }
  return text;
}
