import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@kg/platform';
import { toQuestionnaire } from './questionnaire.service';
import type { QuestionnaireService } from './questionnaire.service';
import { Questionnaire, QuestionnaireInput, QuestionnaireReceipt } from './questionnaire.type';

@Resolver(() => Questionnaire)
export class QuestionnaireResolver {
  constructor(private readonly service: QuestionnaireService) {}

  @Mutation(() => QuestionnaireReceipt, { description: 'Anyone, no account: submit a questionnaire. Retry with the same idempotencyKey: same reference, never a second record' })
  submitQuestionnaire(
    @Arg('input', () => QuestionnaireInput) input: QuestionnaireInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey?: string,
  ): Promise<QuestionnaireReceipt> {
    return this.service.submit(input, idempotencyKey, ctx);
  }

  @Query(() => Questionnaire, { description: 'Open a questionnaire with its reference and access code' })
  questionnaire(@Arg('reference', () => String) reference: string, @Arg('accessCode', () => String) accessCode: string, @Ctx() ctx: RequestContext): Promise<Questionnaire> {
    return this.service.view(reference, accessCode, ctx);
  }

  @Mutation(() => Questionnaire)
  updateQuestionnaire(
    @Arg('reference', () => String) reference: string,
    @Arg('accessCode', () => String) accessCode: string,
    @Arg('input', () => QuestionnaireInput) input: QuestionnaireInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Questionnaire> {
    return this.service.edit(reference, accessCode, input, ctx);
  }

  @Mutation(() => Questionnaire)
  withdrawQuestionnaire(@Arg('reference', () => String) reference: string, @Arg('accessCode', () => String) accessCode: string, @Ctx() ctx: RequestContext): Promise<Questionnaire> {
    return this.service.withdraw(reference, accessCode, ctx);
  }

  @Authorized('CITIZEN')
  @Mutation(() => Questionnaire, { description: 'A signed-in citizen attaches a questionnaire they submitted without an account' })
  async attachQuestionnaire(@Arg('reference', () => String) reference: string, @Arg('accessCode', () => String) accessCode: string, @Ctx() ctx: RequestContext): Promise<Questionnaire> {
    return toQuestionnaire(await this.service.attach(reference, accessCode, ctx));
  }

  @Authorized('CITIZEN')
  @Query(() => [Questionnaire], { description: "The signed-in citizen's attached questionnaires" })
  myQuestionnaires(@Ctx() ctx: RequestContext): Promise<Questionnaire[]> {
    return this.service.mine(ctx);
  }
}
