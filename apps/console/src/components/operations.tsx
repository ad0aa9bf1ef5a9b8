import { Button, MenuItem, type ButtonProps } from '@fluentui/react-components';
import type { Availability } from '@dpm/domain/operations/operation';

/**
 * What can be done to an object, as the server offers it (the domain's catalogue of operations,
 * for the signed-in user): each control is enabled, or disabled with the reason (the rule and its
 * sentence, or the role it needs). The console never decides this itself.
 */
export type Offer = Availability;
export type Offers = readonly Offer[];

/** The offer of one operation, by its catalogue id. */
export function offerOf(offers: Offers | undefined, id: string): Offer | undefined {
  return offers?.find((o) => o.id === id);
}

/** The intents of an offer that can be chosen now (a direction, a recovery type). */
export function enabledIntents(offer: Offer | undefined): string[] {
  return (offer?.intents ?? []).filter((i) => i.enabled).map((i) => i.intent);
}

/** Why an offer is disabled, as the control's tooltip says it. */
export function reasonOf(offer: Offer | undefined): string | undefined {
  if (!offer) return undefined;
  return offer.enabled ? undefined : (offer.reason?.message ?? 'Not available now.');
}

/**
 * A button for one operation of an object. Disabled, it stays focusable so a keyboard user can
 * reach it and read why; `disabled` adds the dialog's own reason (a field left empty).
 */
export function OperationButton({ offer, disabled, title, children, ...props }: ButtonProps & { offer: Offer | undefined }) {
  const why = offer ? reasonOf(offer) : 'Not offered for this object.';
  return (
    <Button {...props} disabledFocusable={why !== undefined || Boolean(disabled)} title={why ?? title}>
      {children ?? offer?.name}
    </Button>
  );
}

/** The same as a context-menu item. */
export function OperationMenuItem({ offer, onChoose }: { offer: Offer; onChoose: (offer: Offer) => void }) {
  return (
    <MenuItem disabled={!offer.enabled} title={reasonOf(offer)} onClick={() => onChoose(offer)}>
      {offer.name}
    </MenuItem>
  );
}

/** The Actions pane's buttons for an object's offers. */
export function OperationButtons({ offers, onChoose }: { offers: Offers; onChoose: (offer: Offer) => void }) {
  return (
    <>
      {offers.map((o) => (
        <OperationButton key={o.id} offer={o} onClick={() => onChoose(o)} />
      ))}
    </>
  );
}
