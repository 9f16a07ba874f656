import { Entity, PrimaryColumn } from 'typeorm';

/** Which coaches coach which team (a coach may coach several teams, a team have several coaches). */
@Entity({ name: 'team_coach' })
export class TeamCoachEntity {
  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  teamId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;
}
