import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../database/columns';

@Entity({ name: 'config_versions' })
export class ConfigVersionEntity {
  @PrimaryColumn({ type: 'bigint', generated: 'increment', transformer: bigintAsNumber })
  version!: number;

  @Column({ name: 'created_at', type: 'text' })
  createdAt!: string;

  @Column({ type: 'text' })
  author!: string;

  @Column({ type: 'text' })
  reason!: string;

  /** put | restore */
  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'restored_from', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  restoredFrom!: number | null;

  /** JSON: the whole configuration the bot reported after the change. */
  @Column({ type: 'text' })
  config!: string;

  /** JSON: ConfigChange[]. */
  @Column({ type: 'text' })
  diff!: string;
}
