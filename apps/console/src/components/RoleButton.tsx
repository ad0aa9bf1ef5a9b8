import { Button, MenuItem, type ButtonProps, type MenuItemProps } from '@fluentui/react-components';
import { useRole, type Role } from '../features/auth/session';

/**
 * A Button for an operation the server allows only to a role (apps/bff/src/auth/permissions.ts):
 * for a user without it the button stays visible, disabled, and says why; the server decides anyway.
 * A disabled control stays focusable so a keyboard user can reach it and read the reason.
 */
export function RoleButton({ needs, disabled, disabledFocusable, title, ...props }: ButtonProps & { needs: Exclude<Role, 'Reader'> }) {
  const denied = useRole().needs(needs);
  return <Button {...props} disabledFocusable={denied !== null || Boolean(disabled) || Boolean(disabledFocusable)} title={denied ?? title} />;
}

/** The same for a context-menu item. */
export function RoleMenuItem({ needs, disabled, title, ...props }: MenuItemProps & { needs: Exclude<Role, 'Reader'> }) {
  const denied = useRole().needs(needs);
  return <MenuItem {...props} disabled={denied !== null || Boolean(disabled)} title={denied ?? title} />;
}
