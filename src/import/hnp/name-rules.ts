/**
 * Name derivations the importer needs: DNS-1123 labels for diet names, and the slugs
 * the plugin (NetBox/Django) would have derived, so that converted references name
 * the same objects the plugin would have created.
 */

const DNS_LABEL_MAX = 63;

/**
 * Lower-case, anything outside `[a-z0-9-]` becomes `-`, runs of `-` collapse, no
 * leading or trailing `-`, at most `max` characters. Empty when nothing usable is left.
 */
export function toDnsLabel(text: string, max = DNS_LABEL_MAX): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+/, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** Django's `slugify`: drop punctuation, spaces and hyphen runs become one `-`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .replace(/[^\w\s-]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[-\s]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
}

/** The slug the plugin's v1 ingest gives a device type written without one. */
export function defaultDeviceTypeSlug(model: string): string {
  return model.toLowerCase().replace(/ /g, '-');
}

/**
 * The redundancy group the plugin's switch-class model fills in when `mclag_pair` is
 * set without a redundancy type: `mclag-` and the normalized class id (≤57 chars).
 */
export function legacyMclagGroup(switchClassId: string): string {
  const id = toDnsLabel(switchClassId.replace(/_/g, '-'), 57);
  return `mclag-${id || 'switch-new'}`;
}
