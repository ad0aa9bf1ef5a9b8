import type { ReactNode } from 'react';
import { Menu, MenuList, MenuPopover, type PositioningVirtualElement } from '@fluentui/react-components';

/**
 * A grid's or a tree's context menu, open at a row or at the pointer. Its code (the menu and its
 * positioning) is fetched when a list first opens a context menu, not with the page.
 */
export function RowMenu({
  target,
  label,
  onClose,
  children,
}: {
  target: HTMLElement | PositioningVirtualElement;
  /** The menu's name, as "PG1 operations". */
  label?: string;
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
        <MenuList aria-label={label}>{children}</MenuList>
      </MenuPopover>
    </Menu>
  );
}
