import 'reflect-metadata';
import './messages';
import { configureTokenKeys, loadConfig, RequestContext, runSubgraphMain, SubgraphDefinition } from '@kg/platform';
import { AccountResolver } from './account/account.resolver';
import { AccountService } from './account/account.service';
import { AccountStore } from './account/account.store';
import { SecretBox } from './account/secret-box';
import { AuditResolver } from './audit/audit.resolver';
import { AuditStore } from './audit/audit.store';
import { DemoPki, seedDemoStaff } from './demo';
import { migrations } from './migrations/0001_init';
import { loadSigningKeys } from './session/keys';
import { SessionService } from './session/session.service';
import { SessionStore } from './session/session.store';
import { ChallengeStore } from './signin/challenge.store';
import { SignInResolver } from './signin/signin.resolver';
import { readTrustSources, SignInService } from './signin/signin.service';

export const identity: SubgraphDefinition = {
  name: 'identity',
  resolvers: [AccountResolver, SignInResolver, AuditResolver],
  migrations,
  async create({ db, config }) {
    const keys = await loadSigningKeys(config);
    // In this process, tokens are checked against the key itself; other processes fetch the JWKS.
    configureTokenKeys({ publicKey: keys.publicKey });
    const demo = config.demoPki ? await DemoPki.open(config.dataDir) : null;
    const trust = readTrustSources(config, demo ? { caFiles: [demo.caFile], crlFiles: [demo.crlFile] } : {});
    const accounts = new AccountService(new AccountStore(db), db, SecretBox.load(config));
    const sessions = new SessionService(new SessionStore(db), keys, config);
    const signIns = new SignInService(new ChallengeStore(db), accounts.store, trust);
    return {
      resolvers: [new AccountResolver(accounts), new SignInResolver(signIns, accounts, sessions, config, demo), new AuditResolver(new AuditStore(db), db)],
      referenceResolvers: {
        User: (ref: { id: string }, ctx: RequestContext) => accounts.byId(ref.id, ctx),
      },
      async seed() {
        if (config.demoData) await seedDemoStaff(accounts);
      },
      routes(app) {
        app.get('/.well-known/jwks.json', (_req, res) => {
          res.setHeader('cache-control', 'public, max-age=300');
          res.json(keys.jwks);
        });
      },
    };
  },
};

if (require.main === module) runSubgraphMain(identity, loadConfig());
