import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One staff read of a person\'s record' })
export class AccessLogEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: 'The staff account that read' })
  actorId!: string;

  @Field(() => [String], { description: 'The roles it acted in' })
  actorRoles!: string[];

  @Field(() => String)
  entity!: string;

  @Field(() => String)
  entityId!: string;

  @Field(() => String)
  action!: string;

  @Field(() => String, { nullable: true })
  purpose!: string | null;

  @Field(() => String)
  requestId!: string;

  @Field(() => String)
  hash!: string;
}

@ObjectType()
export class AccessLogCheck {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => Int)
  entries!: number;

  @Field(() => ID, { nullable: true, description: 'The first entry that was changed, removed or reordered' })
  firstBrokenId!: string | null;
}
