import { demo } from './kit';
import { dpmSync, recoverDpmdbFromTape, reinstallDpm } from './rebuild-from-tape/recover-the-dpmdb';
import { protectFromDs1Again, restoreReplicasFromDs3 } from './rebuild-from-tape/restore-the-replicas';
import { whileDs1IsDown } from './rebuild-from-tape/while-ds1-is-down';

/** Seed 000's rebuild of a lost DPM server, its chapters in order (each part in rebuild-from-tape/). */
demo(
  {
    name: 'rebuild-from-tape',
    seed: 'demo',
    summary:
      'Rebuild a failed DS1 from its DPMDB tape and DS3: reinstall, rescan, ' +
      'inventory, recatalog, recover the DPMDB, DpmSync, restore the ' +
      'replicas, re-establish protection (seed 000)',
  },
  async (d) => {
    await whileDs1IsDown(d);
    await reinstallDpm(d);
    await recoverDpmdbFromTape(d);
    await dpmSync(d);
    await restoreReplicasFromDs3(d);
    await protectFromDs1Again(d);
  },
);
