import type { Command } from 'commander';
import { builtinCatalog } from '../../catalog/builtin-catalog.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CommandRunner } from '../main.js';

export function registerCatalogCommand(program: Command, run: CommandRunner): void {
  const catalog = program
    .command('catalog')
    .description('Show the built-in catalog: switch profiles, breakouts, server and NIC types')
    .addHelpText('after', '\nExamples:\n  diet catalog list\n  diet catalog list --json | jq \'.switch_types[].slug\'');
  catalog
    .command('list')
    .description('List the built-in device types, NIC types and breakouts')
    .addHelpText('after', '\nExamples:\n  diet catalog list\n  diet catalog list --json | jq \'.breakouts[].id\'')
    .action(() =>
      run(async (output) => {
        const c = builtinCatalog();
        if (output.json) {
          output.out(JSON.stringify({ format_version: '1', switch_types: [...c.switchTypes.values()], server_types: [...c.serverTypes.values()], nic_types: [...c.nicTypes.values()], breakouts: [...c.breakouts.values()] }, null, 2));
          return EXIT_OK;
        }
        const lines = ['Switch types:'];
        for (const t of c.switchTypes.values()) {
          const caps = [t.mclagCapable ? 'MCLAG' : '', t.eslagCapable ? 'ESLAG' : ''].filter(Boolean).join(', ') || 'no MCLAG/ESLAG';
          lines.push(`  ${t.slug.padEnd(26)} ${`${t.manufacturer} ${t.model}`.padEnd(36)} ${String(t.ports.length).padStart(3)} ports, native ${t.nativeSpeed ?? '-'}G, ${caps}`);
        }
        lines.push('', 'Server types:', ...[...c.serverTypes.values()].map((t) => `  ${t.slug.padEnd(26)} ${t.manufacturer} ${t.model}`));
        lines.push('', 'NIC types:', ...[...c.nicTypes.values()].map((t) => `  ${t.slug.padEnd(26)} ${`${t.manufacturer} ${t.model}`.padEnd(36)} ports ${t.ports.map((p) => p.name).join(', ')}`));
        lines.push('', 'Breakouts:', `  ${[...c.breakouts.values()].map((b) => b.id).join(', ')}`);
        output.out(lines.join('\n'));
        return EXIT_OK;
      }),
    );
}
