import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MigrationEpisode } from '../migrant/migrant.type';

@InputType({ description: 'One citizen an agency sent abroad' })
export class DepartureReportInput {
  @Field(() => String) pin!: string;
  @Field(() => String) lastName!: string;
  @Field(() => String) firstName!: string;
  @Field(() => String, { nullable: true }) patronymic?: string;
  @Field(() => String, { description: 'YYYY-MM-DD or DD.MM.YYYY' }) birthDate!: string;
  @Field(() => String, { description: 'ISO alpha-2 (or a country name)' }) country!: string;
  @Field(() => String, { nullable: true }) city?: string;
  @Field(() => String) employer!: string;
  @Field(() => String, { nullable: true, description: 'ISCO-08 code' }) positionIsco?: string;
  @Field(() => String) contractStart!: string;
  @Field(() => String, { nullable: true }) contractEnd?: string;
}

@ObjectType()
export class DepartureReportResult {
  @Field(() => MigrationEpisode, { nullable: true, description: 'The episode; null when this departure had already been reported' }) episode!: MigrationEpisode | null;
  @Field(() => Boolean, { description: 'Already reported (by this or another agency): nothing new was written' }) duplicate!: boolean;
  @Field(() => Boolean) late!: boolean;
}

@ObjectType({ description: 'One problem in an uploaded file' })
export class UploadRowError {
  @Field(() => Int, { description: 'Line in the file (1 = header); 0 for the file as a whole' }) line!: number;
  @Field(() => String) field!: string;
  @Field(() => String) code!: string;
  @Field(() => String, { description: "In the caller's language" }) message!: string;
}

@ObjectType({ description: 'What an upload would do; nothing is written until it is committed' })
export class UploadPreview {
  @Field(() => ID, { nullable: true, description: 'Null when the file cannot be imported at all' }) uploadId!: string | null;
  @Field(() => String) format!: string;
  @Field(() => Int) totalRows!: number;
  @Field(() => Int) validRows!: number;
  @Field(() => Int) invalidRows!: number;
  @Field(() => Int, { description: 'Valid rows already in the registry (re-upload): they will be skipped' }) alreadyReported!: number;
  @Field(() => [UploadRowError], { description: 'File problems first, then row problems by line (at most 1000)' }) errors!: UploadRowError[];
  @Field(() => Int) errorCount!: number;
}

@ObjectType()
export class UploadResult {
  @Field(() => ID) uploadId!: string;
  @Field(() => Int) created!: number;
  @Field(() => Int, { description: 'Rows that were already reported' }) duplicates!: number;
  @Field(() => Int) late!: number;
}
