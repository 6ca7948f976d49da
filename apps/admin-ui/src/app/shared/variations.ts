import type { Variation, VariationType } from '../api/api.models';
import { newId } from './ids';

export const VARIATION_TYPE_OPTIONS: readonly { type: VariationType; label: string }[] = [
  { type: 'boolean', label: $localize`:variation type:Boolean` },
  { type: 'string', label: $localize`:variation type:String` },
  { type: 'number', label: $localize`:variation type:Number` },
  { type: 'json', label: 'JSON' },
];

/** A flag's variation type as its badge shows it (lower case, as stored). */
export function variationTypeBadge(type: VariationType): string {
  switch (type) {
    case 'boolean':
      return $localize`:variation type badge:boolean`;
    case 'string':
      return $localize`:variation type badge:string`;
    case 'number':
      return $localize`:variation type badge:number`;
    case 'json':
      return 'json';
  }
}

/** Sensible starting variations for a new flag of each type. */
export function defaultVariations(type: VariationType): Variation[] {
  const make = (name: string, value: string): Variation => ({ id: newId(), name, value });
  switch (type) {
    case 'boolean':
      return [make('On', 'true'), make('Off', 'false')];
    case 'string':
      return [make('Variant A', 'a'), make('Variant B', 'b')];
    case 'number':
      return [make('One', '1'), make('Zero', '0')];
    case 'json':
      return [make('Enabled', '{\n  "enabled": true\n}'), make('Disabled', '{\n  "enabled": false\n}')];
  }
}

export function variationValueError(type: VariationType, value: string): string | null {
  switch (type) {
    case 'boolean':
      return value === 'true' || value === 'false'
        ? null
        : $localize`A boolean variation is "true" or "false".`;
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value)) ? null : $localize`Enter a number.`;
    case 'json':
      try {
        JSON.parse(value);
        return null;
      } catch (err) {
        return $localize`Invalid JSON: ${err instanceof Error ? err.message : String(err)}:error:`;
      }
    case 'string':
      return value === '' ? $localize`Enter a value.` : null;
  }
}

/** Problems of the variation list as a whole, or null. */
export function variationsError(type: VariationType, variations: readonly Variation[]): string | null {
  if (variations.length < 2) return $localize`A flag needs at least two variations.`;
  if (variations.some((v) => !v.name.trim())) return $localize`Every variation needs a name.`;
  const invalid = variations.map((v) => variationValueError(type, v.value)).find((e) => e !== null);
  if (invalid) return invalid;
  const values = variations.map((v) => (type === 'json' ? normaliseJson(v.value) : v.value));
  if (new Set(values).size !== values.length) return $localize`Two variations have the same value.`;
  return null;
}

function normaliseJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}
