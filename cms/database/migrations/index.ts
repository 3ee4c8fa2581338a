import * as migration_20261128_044030_initial from './20261128_044030_initial';

export const migrations = [
  {
    up: migration_20261128_044030_initial.up,
    down: migration_20261128_044030_initial.down,
    name: '20261128_044030_initial'
  },
];
