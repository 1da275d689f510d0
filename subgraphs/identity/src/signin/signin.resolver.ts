import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { AppError, Config, RequestContext } from '@kg/platform';
import { toUser } from '../account/account.service';
import type { AccountService } from '../account/account.service';
import { AuthPayload } from '../account/account.type';
import type { IssuedSession, SessionService } from '../session/session.service';
import type { AccountRow } from '../tables';
import type { DemoPki } from '../demo';
import { DemoSigner, SignatureChallenge } from './signin.type';
import type { SignInService } from './signin.service';

export const REFRESH_COOKIE = 'kg_refresh';

@Resolver()
export class SignInResolver {
  constructor(
    private readonly signIns: SignInService,
    private readonly accounts: AccountService,
    private readonly sessions: SessionService,
    private readonly config: Config,
    private readonly demo: DemoPki | null,
  ) {}

  /** The refresh token travels as an httpOnly cookie for browsers, and in the payload only when asked. */
  private payload(account: AccountRow, s: IssuedSession, ctx: RequestContext, returnRefreshToken: boolean): AuthPayload {
    const secure = this.config.NODE_ENV === 'production' ? '; Secure' : '';
    ctx.setCookie?.(`${REFRESH_COOKIE}=${s.refreshToken}; HttpOnly; SameSite=Strict; Path=/graphql; Max-Age=${this.config.REFRESH_TOKEN_TTL_SECONDS}${secure}`);
    return Object.assign(new AuthPayload(), {
      accessToken: s.accessToken,
      expiresAt: s.expiresAt,
      refreshToken: returnRefreshToken ? s.refreshToken : null,
      user: toUser(account),
    });
  }

  @Mutation(() => SignatureChallenge, { description: 'A one-time text to sign with the digital signature; valid for 5 minutes' })
  signatureChallenge(): Promise<SignatureChallenge> {
    return this.signIns.challenge();
  }

  @Mutation(() => AuthPayload, { description: 'Signs in (and on first use registers) with a CMS signature over the challenge' })
  async signInWithSignature(
    @Arg('challengeId', () => ID) challengeId: string,
    @Arg('signature', () => String) signature: string,
    @Ctx() ctx: RequestContext,
    @Arg('returnRefreshToken', () => Boolean, { defaultValue: false }) returnRefreshToken: boolean,
  ): Promise<AuthPayload> {
    const account = await this.signIns.signIn(challengeId, signature);
    return this.payload(account, await this.sessions.start(account), ctx, returnRefreshToken);
  }

  @Mutation(() => AuthPayload, { description: 'Staff sign-in with login, password and the current authenticator code' })
  async signInWithPassword(
    @Arg('login', () => String) login: string,
    @Arg('password', () => String) password: string,
    @Arg('totpCode', () => String) totpCode: string,
    @Ctx() ctx: RequestContext,
    @Arg('returnRefreshToken', () => Boolean, { defaultValue: false }) returnRefreshToken: boolean,
  ): Promise<AuthPayload> {
    const account = await this.accounts.verifyPassword(login, password, totpCode);
    return this.payload(account, await this.sessions.start(account), ctx, returnRefreshToken);
  }

  @Mutation(() => AuthPayload, { description: 'A new access token for the refresh token (cookie, or the argument); the old one is spent' })
  async refreshSession(
    @Ctx() ctx: RequestContext,
    @Arg('refreshToken', () => String, { nullable: true }) refreshToken?: string,
  ): Promise<AuthPayload> {
    const token = refreshToken ?? ctx.cookies?.[REFRESH_COOKIE] ?? '';
    let account: AccountRow | null = null;
    const s = await this.sessions.rotate(token, async (id) => (account = (await this.accounts.store.byId(id)) ?? null));
    return this.payload(account!, s, ctx, !!refreshToken);
  }

  @Mutation(() => Boolean, { description: 'Ends the session: its refresh chain is revoked' })
  async signOut(@Ctx() ctx: RequestContext, @Arg('refreshToken', () => String, { nullable: true }) refreshToken?: string): Promise<boolean> {
    const token = refreshToken ?? ctx.cookies?.[REFRESH_COOKIE];
    if (token) await this.sessions.end(token);
    ctx.setCookie?.(`${REFRESH_COOKIE}=; HttpOnly; SameSite=Strict; Path=/graphql; Max-Age=0`);
    return true;
  }

  @Query(() => Boolean, { description: 'Whether the development demo signer (demo CA) is on; always false in production' })
  demoSignerEnabled(): boolean {
    return !!this.demo;
  }

  @Mutation(() => String, { description: 'DEVELOPMENT ONLY (demo CA): signs a challenge with a demo certificate; refused in production' })
  demoSignChallenge(@Arg('challenge', () => String) challenge: string, @Arg('signer', () => DemoSigner) signer: DemoSigner): string {
    if (!this.demo) throw new AppError('FORBIDDEN', 'auth.demoSignerDisabled');
    return this.demo.sign(challenge, signer);
  }
}

