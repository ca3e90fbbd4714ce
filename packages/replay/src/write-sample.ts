import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSampleFile } from './sample-file';

const HELP = `Usage: pnpm --filter @retail/replay sample -- [--seed N] FILE

Writes a small Online Retail-format file with every kind of mess the real
files have, for tests and trial runs.

  --seed N   seed of the generator (integer, default 1); a seed fixes the file
`;

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { seed: { type: 'string' }, help: { type: 'boolean' } },
  allowPositionals: true,
});

const [file] = positionals;
if (values.help || file === undefined) {
  process.stdout.write(HELP);
  process.exitCode = values.help ? 0 : 2;
} else {
  const seed = Number(values.seed ?? '1');
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  await writeSampleFile(path, seed);
  process.stdout.write(`wrote ${path}\n`);
}
