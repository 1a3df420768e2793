import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Facts about this installation (instance id, first boot), kept across restarts. */
@Entity({ name: 'app_meta' })
export class AppMetaEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  value!: string;

  @Column({ name: 'updated_at', type: 'text' })
  updatedAt!: string;
}
