/**
 * Hedgehog role hints of the profile catalog, as catalog role lists. "leaf" in the hints
 * (including "leaf (l3-only)" and "leaf (limited)") means either leaf role: the API does
 * not enforce roles, only the features a VPC attachment needs.
 */
import type { SwitchRole } from '../../model/enums.js';

export const SPINE_OR_LEAF: readonly SwitchRole[] = ['spine', 'server-leaf', 'border-leaf'];
export const SPINE_ONLY: readonly SwitchRole[] = ['spine'];
export const LEAF_ONLY: readonly SwitchRole[] = ['server-leaf', 'border-leaf'];
