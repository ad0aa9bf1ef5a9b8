import type { ReactNode } from 'react';
import { Menu, MenuList, MenuPopover, type PositioningVirtualElement } from '@fluentui/react-components';

/**
 * A grid's context menu, open at a row or at the pointer. Its code (the menu and its positioning)
 * is fetched when a list first opens a context menu, not with the first page.
 */
export function RowMenu({
  target,
  onClose,
  children,
}: {
  target: HTMLElement | PositioningVirtualElement;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Menu
      open
      onOpenChange={(_, data) => !data.open && onClose()}
      positioning={{ target, position: 'below', align: 'start' }}
    >
      <MenuPopover>
        <MenuList>{children}</MenuList>
      </MenuPopover>
    </Menu>
  );
}
