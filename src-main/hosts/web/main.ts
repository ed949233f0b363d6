import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '#core/app/data-dir';
import { privateUmask } from '#core/app/private-files';
import { runtimeAssets } from '#core/app/runtime-assets';
import { createWorkstation } from '#core/app/workstation';
import { SealedFileSecretStore, keyFileSealer } from '#core/secrets/sealed-file-store';
import { DomainError } from '#core/shared/errors';
import { createStreamLogger } from '#core/shared/logger';
import { hostUsage, parseHostFlags } from '#hosts/common/host-flags';
import { startWebHost } from './web-host';

/** `npm run web`: the same core as the desktop app, for a browser on this machine. */
async function main(): Promise<void> {
  const parsed = parseHostFlags(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n${hostUsage}\n`);
    process.exit(2);
  }
  const { flags } = parsed;
  // Recordings, exports and secrets written from now on are the user's alone.
  process.umask(privateUmask);
  const logger = createStreamLogger(process.env.CRM_LOG_LEVEL === 'debug' ? 'debug' : 'info');
  const assets = runtimeAssets(import.meta.url);
  const dataDir = resolveDataDir(flags.dataDir, process.env);

  let workstation;
  try {
    workstation = createWorkstation({
      dataDir,
      host: 'web',
      version: process.env.npm_package_version ?? '0.0.0',
      systemLocale: Intl.DateTimeFormat().resolvedOptions().locale,
      ...assets,
      secrets: new SealedFileSecretStore(join(dataDir, 'secrets.json'), keyFileSealer(join(dataDir, 'secrets.key'))),
      logger,
    });
  } catch (error) {
    if (error instanceof DomainError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  if (flags.demo) {
    const stopProgress = workstation.events.on('job.progress', (p) => {
      if (p.state === 'running' && p.total > 0) process.stderr.write(`Demo data: ${p.done} / ${p.total} contacts\n`);
    });
    const seeded = await workstation.seedDemoIfEmpty(flags.demoSize, flags.demoLanguage);
    stopProgress();
    logger.info(seeded ? 'Demo data loaded' : 'Workplace not empty; demo data not loaded', { dataDir });
  }

  const host = await startWebHost({
    workstation,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    port: flags.port,
    logger,
  });
  process.stdout.write(`Workstation ready at ${host.url}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await workstation.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`The browser host could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
