import * as migration_20261128_044644_initial from './20261128_044644_initial';

export const migrations = [
  {
    up: migration_20261128_044644_initial.up,
    down: migration_20261128_044644_initial.down,
    name: '20261128_044644_initial'
  },
];
