import { useNavigate } from 'react-router';
import { Menu, MenuItem, MenuList, MenuPopover, type PositioningVirtualElement } from '@fluentui/react-components';
import { useConnectedServer } from '../../shell/server-context';
import { computerName } from './flow-elements';
import type { Drawing } from './model';
import type { TopologyServer } from './queries';

export type MenuState = { id: string; target: HTMLElement | PositioningVirtualElement };

interface NodeMenuProps {
  menu: MenuState;
  /** The DPM server the menu is about; none for a computer. */
  server: TopologyServer | undefined;
  model: Drawing<TopologyServer>;
  expanded: ReadonlySet<string>;
  nameOf: (id: string) => string;
  onToggle: (serverId: string, open: boolean) => void;
  onClose: () => void;
}

/**
 * A node's menu: for a DPM server, its actions, connecting to it, and showing or hiding its
 * computers; for a computer, the actions of each server that protects it.
 */
export function NodeMenu({ menu, server, model, expanded, nameOf, onToggle, onClose }: NodeMenuProps) {
  const navigate = useNavigate();
  const { connect } = useConnectedServer();
  return (
    <Menu
      open
      onOpenChange={(_, d) => !d.open && onClose()}
      positioning={{ target: menu.target, position: 'below', align: 'start' }}
    >
      <MenuPopover>
        <MenuList aria-label={`Actions for ${server?.name ?? computerName(model, menu.id)}`}>
          {server ? (
            <>
              <MenuItem onClick={() => void navigate(`/servers/${server.serverId}`)}>Server actions</MenuItem>
              <MenuItem
                onClick={() => {
                  connect(server.serverId);
                  void navigate('/protection');
                }}
              >{`Connect to ${server.name}`}</MenuItem>
              {server.computers > 0 && !model.inline.has(server.serverId) && (
                <MenuItem onClick={() => onToggle(server.serverId, !expanded.has(server.serverId))}>
                  {expanded.has(server.serverId) ? 'Hide computers' : 'Show computers'}
                </MenuItem>
              )}
            </>
          ) : (
            model.edges
              .filter((e) => e.target === menu.id)
              .map((e) => (
                <MenuItem key={e.source} onClick={() => void navigate(`/servers/${e.source}`)}>
                  {`Server actions for ${nameOf(e.source)}`}
                </MenuItem>
              ))
          )}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
