import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CallDirection, CallPurpose, Speaker } from '../../common/graphql-enums.js';
import { Connection } from '../../common/connection.js';
import type { CallEntity } from '../entities/call.entity.js';

@ObjectType('TranscriptTurn')
export class TranscriptTurnModel {
  @Field(() => Speaker)
  speaker!: Speaker;

  @Field()
  text!: string;

  @Field(() => Int, { nullable: true, description: 'Seconds from the start of the call.' })
  offsetSeconds!: number | null;
}

@ObjectType('Call', { description: 'An interaction between an agent and a customer.' })
export class CallModel {
  @Field(() => ID)
  id!: string;

  @Field()
  externalId!: string;

  @Field()
  startedAt!: Date;

  @Field(() => Int)
  durationSeconds!: number;

  @Field(() => CallDirection)
  direction!: CallDirection;

  @Field(() => CallPurpose)
  purpose!: CallPurpose;

  @Field(() => Int, { nullable: true })
  holdSeconds!: number | null;

  @Field(() => Int, { nullable: true })
  transfers!: number | null;

  @Field(() => String, { nullable: true, description: 'An opaque id in the customer system.' })
  customerRef!: string | null;

  @Field(() => String, { nullable: true })
  recordingUrl!: string | null;

  @Field(() => [TranscriptTurnModel])
  transcript!: TranscriptTurnModel[];

  /** For the `agent` and `evaluations` field resolvers. */
  agentId!: string;
}

@ObjectType('CallConnection')
export class CallConnection extends Connection(CallModel, 'Call') {}

export const toCallModel = (c: CallEntity): CallModel => ({
  id: c.id,
  externalId: c.externalId,
  startedAt: c.startedAt,
  durationSeconds: c.durationSeconds,
  direction: c.direction as CallDirection,
  purpose: c.purpose as CallPurpose,
  holdSeconds: c.holdSeconds,
  transfers: c.transfers,
  customerRef: c.customerRef,
  recordingUrl: c.recordingUrl,
  transcript: c.transcript.map((t) => ({ speaker: t.speaker as Speaker, text: t.text, offsetSeconds: t.offsetSeconds })),
  agentId: c.agentId,
});
