import { TargetError } from '../../diag/errors.js';
import { formatAddress } from '../../resource/address.js';
import type { AttrValue, Attrs } from '../../resource/resource.js';

type Json = Record<string, unknown>;

/** Natural key → NetBox id, from what was read and what this apply created. */
export type IdLookup = (address: string) => number | undefined;

const a = (type: string, key: string) => formatAddress('netbox', type, key);

/**
 * The JSON NetBox takes for diet's attributes of one object: references by natural key
 * (slug, device name, `{device, interface}`) become ids. Ids are always known for what diet
 * owns; a slug reference diet does not own falls back to NetBox's nested lookup form
 * (`{"slug": "x"}`). Only the attributes present are sent, so a PATCH touches nothing else.
 */
export function toNetboxPayload(type: string, attrs: Attrs, ids: IdLookup): Json {
  const out: Json = {};
  const bySlug = (refType: string, slug: AttrValue) => ids(a(refType, String(slug))) ?? { slug };
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'tags') out.tags = (value as string[]).map((slug) => ids(a('extras.tag', slug)) ?? { slug });
    else if (name === 'manufacturer') out.manufacturer = bySlug('dcim.manufacturer', value);
    else if (name === 'role') out.role = bySlug('dcim.device_role', value);
    else if (name === 'site') out.site = bySlug('dcim.site', value);
    else if (name === 'device_type') out.device_type = bySlug('dcim.device_type', value);
    else if (name === 'device' && type === 'dcim.interface') out.device = required(ids, a('dcim.device', String(value)), type);
    else if (name === 'a_terminations' || name === 'b_terminations') out[name] = terminations(value, ids, type);
    else out[name] = value;
  }
  return out;
}

function terminations(value: AttrValue, ids: IdLookup, type: string): Json[] {
  return (value as { device: string; interface: string }[]).map((end) => ({ object_type: 'dcim.interface', object_id: required(ids, a('dcim.interface', `${end.device}:${end.interface}`), type) }));
}

function required(ids: IdLookup, address: string, forType: string): number {
  const id = ids(address);
  if (id === undefined) {
    throw new TargetError(`cannot write a ${forType}: ${address} does not exist in NetBox`, 'this is a diet bug if the plan was created by diet: the plan creates what it references first');
  }
  return id;
}
