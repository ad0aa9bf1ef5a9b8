import { demo } from './kit';
import { attachDs1Again } from './secondary-protection/attach-ds1-again';
import { createGroupByKeyboard } from './secondary-protection/group-by-keyboard';
import { refusals } from './secondary-protection/refusals';

/** Seed 002's set-up of secondary protection, its chapters in order (each part in secondary-protection/). */
demo(
  {
    name: 'secondary-protection',
    seed: 'scenario-1',
    summary:
      "DS3 becomes DS1's secondary: attach DS1's agent, a protection group " +
      "with DS1's replicas, DPMDB, Config and Scripting folders; another " +
      'version is refused with VERSION_MISMATCH (seed 002)',
  },
  async (d) => {
    await attachDs1Again(d);
    await createGroupByKeyboard(d);
    await refusals(d);
  },
);
