/**
 * The shape of a version-1 plan document, declared once as data and checked by a small
 * interpreter. The reader uses it to say precisely which field is missing or wrong instead
 * of failing somewhere inside apply. (schemas/plan-document.v1.json states the same shape for
 * other tools; a test keeps the two in agreement.)
 */
type Check = (value: unknown, path: string) => string | undefined;

const str: Check = (v, p) => (typeof v === 'string' ? undefined : `${p} must be a string`);
const int: Check = (v, p) => (Number.isInteger(v) && (v as number) >= 0 ? undefined : `${p} must be a non-negative integer`);
const pos: Check = (v, p) => (Number.isInteger(v) && (v as number) >= 1 ? undefined : `${p} must be a positive integer`);
const json: Check = () => undefined;
const oneOf =
  (...allowed: readonly unknown[]): Check =>
  (v, p) =>
    allowed.includes(v) ? undefined : `${p} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
const nullOr =
  (check: Check): Check =>
  (v, p) =>
    v === null ? undefined : check(v, p);
const hex64: Check = (v, p) => (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? undefined : `${p} must be 64 lower-case hex digits`);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const object =
  (required: Record<string, Check>, optional: Record<string, Check> = {}): Check =>
  (v, p) => {
    if (!isRecord(v)) return `${p} must be an object`;
    for (const [key, check] of Object.entries(required)) {
      if (!Object.hasOwn(v, key)) return `missing field ${p}.${key}`;
      const problem = check(v[key], `${p}.${key}`);
      if (problem) return problem;
    }
    for (const [key, check] of Object.entries(optional)) {
      const problem = Object.hasOwn(v, key) ? check(v[key], `${p}.${key}`) : undefined;
      if (problem) return problem;
    }
    return undefined;
  };
const recordOf =
  (check: Check): Check =>
  (v, p) => {
    if (!isRecord(v)) return `${p} must be an object`;
    for (const [key, value] of Object.entries(v)) {
      const problem = check(value, `${p}[${JSON.stringify(key)}]`);
      if (problem) return problem;
    }
    return undefined;
  };
const arrayOf =
  (check: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return `${p} must be an array`;
    for (let i = 0; i < v.length; i++) {
      const problem = check(v[i], `${p}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };

const attrs = nullOr(recordOf(json));
const resourceChange = object({
  address: str,
  target: oneOf('netbox', 'kubernetes'),
  type: str,
  key: str,
  action: oneOf('create', 'update', 'delete', 'replace'),
  before: attrs,
  after: attrs,
  attr_changes: arrayOf(object({ path: str }, { before: json, after: json })),
  depends_on: arrayOf(str),
  origin: nullOr(object({ file: str, line: pos, col: pos })),
}, { ownership: oneOf('adopt', 'release') });

const planDocument = object({
  format_version: str,
  diet_version: str,
  cluster: str,
  spec_digest: str,
  baseline: object({ kind: oneOf('state', 'live', 'empty'), snapshot_id: nullOr(str), fingerprints: recordOf(str) }),
  topology: recordOf(json),
  summary: object({ add: int, change: int, destroy: int, replace: int, noop: int }),
  resource_changes: arrayOf(resourceChange),
  digest: hex64,
});

/** The first problem with a parsed plan document, as `missing field $.summary.add` or similar. */
export function findPlanDocumentProblem(value: unknown): string | undefined {
  return planDocument(value, '$');
}
