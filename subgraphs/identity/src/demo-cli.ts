import { authenticator } from 'otplib';
import { DEMO, loadConfig, logger } from '@kg/platform';
import { DemoPki } from './demo';

/**
 * Development helpers for a newcomer:
 *   npm run sign -- "<challenge>" [citizen-rsa|citizen-ec|staff|revoked]   signs with a demo certificate
 *   npm run totp                                                         the demo staff's current code
 */
async function main([command, ...args]: string[]) {
  logger.level = 'silent'; // stdout carries the result
  const config = loadConfig();
  if (command === 'totp') {
    process.stdout.write(`${authenticator.generate(DEMO.totpSecret)}\n`);
    return;
  }
  if (command === 'sign') {
    const [challenge, who = 'citizen-rsa'] = args;
    if (!challenge) throw new Error('usage: npm run sign -- "<challenge text>" [citizen-rsa|citizen-ec|staff|revoked]');
    if (!config.demoPki) throw new Error('The demo CA is off (DEMO_PKI=false or production)');
    const pki = await DemoPki.open(config.dataDir);
    process.stdout.write(pki.sign(challenge, who.toUpperCase().replace('-', '_') as any));
    return;
  }
  throw new Error('commands: sign, totp');
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
