/**
 * The documented exit codes — the one place they are decided.
 *
 *   0  success, or no changes
 *   1  error: invalid spec, failed command, unreachable server, bad state or plan file
 *   2  changes present (plan/diff with --detailed-exitcode)
 *   3  apply failed and was rolled back
 */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_CHANGES = 2;
export const EXIT_ROLLED_BACK = 3;
