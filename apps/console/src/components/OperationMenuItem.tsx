import { MenuItem } from '@fluentui/react-components';
import { reasonOf, type Offer } from './operations';

/**
 * An operation as a context-menu item (see OperationButton). A module of its own: the lists that
 * have no context menu do not bring the menu's code with them.
 */
export function OperationMenuItem({ offer, onChoose }: { offer: Offer; onChoose: (offer: Offer) => void }) {
  return (
    <MenuItem disabled={!offer.enabled} title={reasonOf(offer)} onClick={() => onChoose(offer)}>
      {offer.name}
    </MenuItem>
  );
}
