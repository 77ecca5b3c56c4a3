/** diet's version; part of every plan document (same spec + same version ⇒ same plan). */
export const DIET_VERSION = '0.1.0';
