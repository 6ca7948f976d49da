import Handlebars from 'handlebars';

// The data object a webhook template renders (FeatBit's
// modules/back-end/src/Domain/Webhooks/DataObjectBuilder.cs) and the Handlebars environment it renders
// in, with FeatBit's `eq` and `json` helpers.

export interface WebhookDataObject {
  /** Comma-joined event names. */
  events: string;
  /** Who made the change. */
  operator: string;
  happenedAt: string;
  organization: { id: string; name: string };
  project: { id: string; name: string };
  environment: { id: string; name: string };
  data: { kind: 'feature flag' | 'segment'; object: Record<string, unknown> };
  changes: string[];
}

/** The default payload: the whole data object as JSON. */
export const DEFAULT_WEBHOOK_TEMPLATE = '{{{json this}}}';

/** The template a webhook renders: its own when custom, the default otherwise. */
export function webhookTemplate(hook: { payloadTemplateType: string; payloadTemplate: string }): string {
  return hook.payloadTemplateType === 'custom' ? hook.payloadTemplate : DEFAULT_WEBHOOK_TEMPLATE;
}

const handlebars = Handlebars.create();
handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
handlebars.registerHelper(
  'json',
  (value: unknown) => new Handlebars.SafeString(JSON.stringify(value) ?? 'null'),
);

/** The parse error of a template, or null when it compiles. */
export function templateError(template: string): string | null {
  try {
    handlebars.precompile(template, { strict: false });
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export type RenderedPayload = { ok: true; payload: string; empty: boolean } | { ok: false; error: string };

/** Renders and checks that the result is JSON (FeatBit refuses to send anything else). */
export function renderWebhookPayload(template: string, data: WebhookDataObject): RenderedPayload {
  let payload: string;
  try {
    payload = handlebars.compile(template)(data);
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  try {
    const parsed: unknown = JSON.parse(payload);
    const empty =
      parsed !== null &&
      typeof parsed === 'object' &&
      !Array.isArray(parsed) &&
      Object.keys(parsed).length === 0;
    return { ok: true, payload, empty };
  } catch {
    return {
      ok: false,
      error: 'Cannot construct a valid JSON payload by using the template and the data object',
    };
  }
}

const bool = (value: unknown): string => (value === true ? 'true' : 'false');

/** A flag as FeatBit's payload shows it (booleans as "true"/"false", as FeatBit sends them). */
export function flagPayloadObject(flag: Record<string, unknown>): Record<string, unknown> {
  return {
    id: flag.id,
    name: flag.name,
    description: flag.description,
    key: flag.key,
    variationType: flag.variationType,
    variations: flag.variations,
    targetUsers: flag.targetUsers,
    rules: flag.rules,
    isEnabled: bool(flag.isEnabled),
    disabledVariationId: flag.disabledVariationId,
    fallthrough: flag.fallthrough,
    tags: flag.tags,
    isArchived: bool(flag.isArchived),
    exptIncludeAllTargets: bool(flag.exptIncludeAllTargets),
  };
}

export function segmentPayloadObject(
  segment: Record<string, unknown>,
  flagReferences: readonly { id: string; name: string; key: string }[],
): Record<string, unknown> {
  return {
    id: segment.id,
    name: segment.name,
    description: segment.description,
    tags: segment.tags,
    included: segment.included,
    excluded: segment.excluded,
    rules: segment.rules,
    isArchived: bool(segment.isArchived),
    flagReferences,
  };
}
