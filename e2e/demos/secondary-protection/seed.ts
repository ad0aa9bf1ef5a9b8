/** The procedure of seed 002 the secondary-protection demo walks, as its chapters number it. */
export const SEED = 'Seed 002 · Set up secondary protection';
