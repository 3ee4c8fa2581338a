import * as migration_20261128_044644_initial from './20261128_044644_initial';
import * as migration_20261128_072122_site_changes_and_status from './20261128_072122_site_changes_and_status';
import * as migration_20261202_182916_site_changes_kind_site from './20261202_182916_site_changes_kind_site';
import * as migration_20261202_214953_backup_status from './20261202_214953_backup_status';
import * as migration_20261203_072111_users_reset_interval_per_email from './20261203_072111_users_reset_interval_per_email';
import * as migration_20261203_080305_redirects_and_share_image from './20261203_080305_redirects_and_share_image';
import * as migration_20261203_085821_lecture_captions_media_duration from './20261203_085821_lecture_captions_media_duration';
import * as migration_20261203_100854_review_and_audit from './20261203_100854_review_and_audit';
import * as migration_20261203_134921_admin_list_indexes from './20261203_134921_admin_list_indexes';

export const migrations = [
  {
    up: migration_20261128_044644_initial.up,
    down: migration_20261128_044644_initial.down,
    name: '20261128_044644_initial',
  },
  {
    up: migration_20261128_072122_site_changes_and_status.up,
    down: migration_20261128_072122_site_changes_and_status.down,
    name: '20261128_072122_site_changes_and_status',
  },
  {
    up: migration_20261202_182916_site_changes_kind_site.up,
    down: migration_20261202_182916_site_changes_kind_site.down,
    name: '20261202_182916_site_changes_kind_site',
  },
  {
    up: migration_20261202_214953_backup_status.up,
    down: migration_20261202_214953_backup_status.down,
    name: '20261202_214953_backup_status',
  },
  {
    up: migration_20261203_072111_users_reset_interval_per_email.up,
    down: migration_20261203_072111_users_reset_interval_per_email.down,
    name: '20261203_072111_users_reset_interval_per_email',
  },
  {
    up: migration_20261203_080305_redirects_and_share_image.up,
    down: migration_20261203_080305_redirects_and_share_image.down,
    name: '20261203_080305_redirects_and_share_image',
  },
  {
    up: migration_20261203_085821_lecture_captions_media_duration.up,
    down: migration_20261203_085821_lecture_captions_media_duration.down,
    name: '20261203_085821_lecture_captions_media_duration',
  },
  {
    up: migration_20261203_100854_review_and_audit.up,
    down: migration_20261203_100854_review_and_audit.down,
    name: '20261203_100854_review_and_audit',
  },
  {
    up: migration_20261203_134921_admin_list_indexes.up,
    down: migration_20261203_134921_admin_list_indexes.down,
    name: '20261203_134921_admin_list_indexes'
  },
];
