import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CallDirection, CallPurpose } from '../../common/graphql-enums.js';

// The values are declared once, as the GraphQL enums; the entity stores their strings.
export const CALL_DIRECTIONS = Object.values(CallDirection);
export type CallDirectionValue = `${CallDirection}`;

export const CALL_PURPOSES = Object.values(CallPurpose);
export type CallPurposeValue = `${CallPurpose}`;

export interface TranscriptTurnValue {
  speaker: 'AGENT' | 'CUSTOMER';
  text: string;
  offsetSeconds: number | null;
}

@Entity({ name: 'call' })
export class CallEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'external_id', type: 'text' })
  externalId!: string;

  @Column({ name: 'agent_id', type: 'uuid' })
  agentId!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'duration_seconds', type: 'integer' })
  durationSeconds!: number;

  @Column({ type: 'text' })
  direction!: CallDirectionValue;

  @Column({ type: 'text' })
  purpose!: CallPurposeValue;

  @Column({ name: 'hold_seconds', type: 'integer', nullable: true })
  holdSeconds!: number | null;

  @Column({ type: 'integer', nullable: true })
  transfers!: number | null;

  /** An opaque id from the customer system: never a name or a phone number. */
  @Column({ name: 'customer_ref', type: 'text', nullable: true })
  customerRef!: string | null;

  @Column({ name: 'recording_url', type: 'text', nullable: true })
  recordingUrl!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  transcript!: TranscriptTurnValue[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;
}
