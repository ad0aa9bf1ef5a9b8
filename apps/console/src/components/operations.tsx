import { Button, type ButtonProps } from '@fluentui/react-components';
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
export function OperationButton({
  offer,
  disabled,
  title,
  children,
  ...props
}: ButtonProps & { offer: Offer | undefined }) {
  const why = offer ? reasonOf(offer) : 'Not offered for this object.';
  return (
    <Button {...props} disabledFocusable={why !== undefined || Boolean(disabled)} title={why ?? title}>
      {children ?? offer?.name}
    </Button>
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

/**
 * One operation offered for several selected objects (DPM and Start-DPMSwitchProtection take
 * several data sources): enabled when the server offers it enabled for each of them, otherwise
 * disabled with the first refusal, named after its object; an intent can be chosen when it can be
 * for each of them. Nothing is decided here: it reads the server's offers.
 */
export function combinedOffer(id: string, each: readonly { name: string; offers: Offers }[]): Offer | undefined {
  const found = each.map((e) => ({ name: e.name, offer: offerOf(e.offers, id) }));
  const first = found[0]?.offer;
  if (!first || found.some((f) => !f.offer)) return undefined;
  const refused = found.find((f) => !f.offer?.enabled);
  const intents = first.intents?.map((i) => {
    const blocked = found
      .map((f) => ({ name: f.name, intent: f.offer?.intents?.find((x) => x.intent === i.intent) }))
      .find((f) => !f.intent?.enabled);
    return blocked
      ? {
          intent: i.intent,
          enabled: false,
          reason: blocked.intent?.reason
            ? { ...blocked.intent.reason, message: `${blocked.name}: ${blocked.intent.reason.message}` }
            : null,
        }
      : { intent: i.intent, enabled: true, reason: null };
  });
  const reason = refused?.offer?.reason
    ? { ...refused.offer.reason, message: `${refused.name}: ${refused.offer.reason.message}` }
    : null;
  const enabled = intents ? intents.some((i) => i.enabled) : refused === undefined;
  return {
    ...first,
    enabled,
    reason: enabled ? null : (reason ?? intents?.find((i) => i.reason)?.reason ?? null),
    ...(intents ? { intents } : {}),
  };
}
