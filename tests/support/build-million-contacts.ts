import { millionContactDatabase } from './million-contacts';

/**
 * Builds (or finds) the cached million-contact database in a process of its own and prints its path
 * on the last line: a test runner's module transform makes the generator many times slower in-process.
 */
process.stdout.write(`${millionContactDatabase((line) => process.stderr.write(`${line}\n`))}\n`);
