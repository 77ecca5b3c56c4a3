/**
 * Attribute paths name a value inside a resource's attrs: `status`, `spec.portBreakouts.E1/1`.
 * A key that could be misread (empty, or containing `.`, `[`, `]` or `"`) is written as a
 * quoted bracket segment, e.g. `metadata.labels["app.kubernetes.io/name"]`, so that every
 * path parses back into exactly the keys it came from. Arrays are compared as whole values,
 * so paths never index into them.
 */
const BARE_SEGMENT = /^[^.[\]"]+$/;

export function formatAttrPath(segments: readonly string[]): string {
  let path = '';
  for (const segment of segments) {
    if (BARE_SEGMENT.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

/** The keys of a path; throws on a malformed path (paths come from code, not from users). */
export function parseAttrPath(path: string): string[] {
  const segments: string[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '[') {
      const end = closingQuote(path, i + 1);
      segments.push(JSON.parse(path.slice(i + 1, end + 1)) as string);
      i = end + 2;
    } else {
      let end = i;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
      if (end === i) throw new Error(`malformed attribute path ${JSON.stringify(path)}`);
      segments.push(path.slice(i, end));
      i = end;
    }
    if (i < path.length && path[i] === '.') {
      i++;
      if (i === path.length || path[i] === '[') throw new Error(`malformed attribute path ${JSON.stringify(path)}`);
    } else if (i < path.length && path[i] !== '[') {
      throw new Error(`malformed attribute path ${JSON.stringify(path)}`);
    }
  }
  if (segments.length === 0) throw new Error('empty attribute path');
  return segments;
}

/** Index of the quote that closes the JSON string starting at `start`, checked to be followed by `]`. */
function closingQuote(path: string, start: number): number {
  if (path[start] !== '"') throw new Error(`malformed attribute path ${JSON.stringify(path)}`);
  for (let j = start + 1; j < path.length; j++) {
    if (path[j] === '\\') j++;
    else if (path[j] === '"') {
      if (path[j + 1] !== ']') break;
      return j;
    }
  }
  throw new Error(`malformed attribute path ${JSON.stringify(path)}`);
}
