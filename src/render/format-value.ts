import type { AttrValue } from '../resource/resource.js';
import { stableJson } from './stable-json.js';

/** One attribute value on one line: strings quoted, lists and objects as sorted compact JSON. */
export function formatValue(value: AttrValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : stableJson(value);
}

/** 1234567 → "1,234,567". Not toLocaleString: output must not depend on the machine's locale. */
export function formatCount(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

/** "1 switch", "3 switches": `plural` defaults to the word plus "s". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}
