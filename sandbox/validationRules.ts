// Admin-configured property validation rules, after HubSpot's property-validations API
// (official/property-validations.2026-09.json): per object type and property, a list of
// {ruleType, ruleArguments}. HubSpot enforces them on every CRM write from the 2026-09 version on;
// the sandbox does the same (older versions write unchecked) and answers a violating write with the
// usual 400 VALIDATION_ERROR naming each failing property.
import type { PropertyProblem } from './errors';
import { OBJECT_TYPES, ObjectType, isKnownProperty } from './properties';

/** The rule types the sandbox enforces: HubSpot's names, plus REQUIRED (a sandbox extension: HubSpot's
 * API has no "required" rule type, but an account's required properties reject writes the same way). */
export const ENFORCED_RULE_TYPES = ['MAX_LENGTH', 'MIN_LENGTH', 'REGEX', 'ALPHANUMERIC', 'MIN_NUMBER', 'MAX_NUMBER', 'REQUIRED'] as const;
export type RuleType = typeof ENFORCED_RULE_TYPES[number];
/** The rule types HubSpot's API accepts (REQUIRED is set through the sandbox's admin path only). */
export const HUBSPOT_RULE_TYPES: readonly string[] = ENFORCED_RULE_TYPES.filter((t) => t !== 'REQUIRED');

export interface PropertyValidationRule {
  ruleType: RuleType;
  ruleArguments: string[];
  shouldApplyNormalization?: boolean;
}

/** `{tasks: {hs_task_subject: [{ruleType: 'MAX_LENGTH', ruleArguments: ['80']}]}}`: the flag's file and
 * the admin endpoint's body. */
export type RulesSpec = Partial<Record<ObjectType, Record<string, PropertyValidationRule[]>>>;

/** `0-27` and friends: HubSpot's object type ids, accepted beside the names. */
const OBJECT_TYPE_IDS: Record<string, ObjectType> = { '0-27': 'tasks', '0-1': 'contacts', '0-2': 'companies', '0-3': 'deals' };

export function objectTypeFromId(raw: string): ObjectType | undefined {
  const name = OBJECT_TYPE_IDS[raw] ?? raw.toLowerCase();
  return (OBJECT_TYPES as readonly string[]).includes(name) ? name as ObjectType : undefined;
}

export class ValidationRules {
  private readonly rules = new Map<ObjectType, Map<string, Map<RuleType, PropertyValidationRule>>>();

  constructor(spec?: RulesSpec) {
    if (spec) {
      this.replace(spec);
    }
  }

  /** Replaces every rule by those of `spec` (validated first: a bad spec changes nothing). */
  replace(spec: RulesSpec): void {
    const parsed = parseRulesSpec(spec);
    this.rules.clear();
    for (const [type, prop, rule] of parsed) {
      this.put(type, prop, rule);
    }
  }

  put(type: ObjectType, propertyName: string, rule: PropertyValidationRule): void {
    const byProp = this.rules.get(type) ?? new Map<string, Map<RuleType, PropertyValidationRule>>();
    this.rules.set(type, byProp);
    const byType = byProp.get(propertyName) ?? new Map<RuleType, PropertyValidationRule>();
    byProp.set(propertyName, byType);
    byType.set(rule.ruleType, rule);
  }

  forProperty(type: ObjectType, propertyName: string): PropertyValidationRule[] {
    return [...this.rules.get(type)?.get(propertyName)?.values() ?? []];
  }

  /** `{results: [{propertyName, propertyValidationRules}]}` entries, HubSpot's listing shape. */
  list(type: ObjectType): { propertyName: string; propertyValidationRules: PropertyValidationRule[] }[] {
    return [...this.rules.get(type)?.entries() ?? []]
      .filter(([, byType]) => byType.size > 0)
      .map(([propertyName, byType]) => ({ propertyName, propertyValidationRules: [...byType.values()] }));
  }

  toSpec(): RulesSpec {
    const spec: RulesSpec = {};
    for (const type of this.rules.keys()) {
      const entries = this.list(type);
      if (entries.length > 0) {
        spec[type] = Object.fromEntries(entries.map((e) => [e.propertyName, e.propertyValidationRules]));
      }
    }
    return spec;
  }

  /**
   * The rules a write breaks. `written` holds the values as sent (strings; null = cleared); on create,
   * a REQUIRED property that is absent breaks its rule too.
   */
  check(type: ObjectType, written: Record<string, string | null>, isCreate: boolean): PropertyProblem[] {
    const problems: PropertyProblem[] = [];
    for (const [name, byType] of this.rules.get(type) ?? []) {
      const present = Object.prototype.hasOwnProperty.call(written, name);
      const value = present ? written[name] : undefined;
      for (const rule of byType.values()) {
        if (value === undefined && !(isCreate && rule.ruleType === 'REQUIRED')) {
          continue; // not written: only "required" speaks about an absent value, and only on create
        }
        const message = broken(rule, name, value ?? null);
        if (message) {
          problems.push({ name, error: `${rule.ruleType}_RULE_VIOLATED`, message });
          break; // one message per property, as HubSpot lists them
        }
      }
    }
    return problems;
  }
}

/** The human message of a broken rule, or undefined when the value satisfies it. An empty or cleared
 * value satisfies every rule but REQUIRED (clearing a length-limited property is allowed). */
function broken(rule: PropertyValidationRule, name: string, value: string | null): string | undefined {
  const [arg = ''] = rule.ruleArguments;
  if (value === null || value === '') {
    return rule.ruleType === 'REQUIRED' ? `${name} is required and cannot be empty.` : undefined;
  }
  switch (rule.ruleType) {
    case 'REQUIRED':
      return undefined;
    case 'MAX_LENGTH':
      return [...value].length > Number(arg) ? `${name} must be at most ${arg} characters long (it has ${[...value].length}).` : undefined;
    case 'MIN_LENGTH':
      return [...value].length < Number(arg) ? `${name} must be at least ${arg} characters long (it has ${[...value].length}).` : undefined;
    case 'REGEX':
      return new RegExp(arg, 'u').test(value) ? undefined : `${name} must match the pattern ${arg}.`;
    case 'ALPHANUMERIC':
      return /^[\p{L}\p{N} ]*$/u.test(value) ? undefined : `${name} may contain only letters, digits and spaces.`;
    case 'MIN_NUMBER':
      return Number(value) < Number(arg) ? `${name} must be at least ${arg}.` : undefined;
    case 'MAX_NUMBER':
      return Number(value) > Number(arg) ? `${name} must be at most ${arg}.` : undefined;
  }
}

/** Validates one rule's arguments; throws a message fit for a 400. */
export function parseRule(ruleType: unknown, rawArgs: unknown, normalization?: unknown): PropertyValidationRule {
  if (typeof ruleType !== 'string' || !(ENFORCED_RULE_TYPES as readonly string[]).includes(ruleType)) {
    throw new Error(`ruleType must be one of ${ENFORCED_RULE_TYPES.join(', ')} (the rule types the sandbox enforces), got ${JSON.stringify(ruleType)}`);
  }
  const args = rawArgs === undefined ? [] : rawArgs;
  if (!Array.isArray(args) || args.some((a) => typeof a !== 'string')) {
    throw new Error('ruleArguments must be an array of strings');
  }
  const type = ruleType as RuleType;
  const needsNumber = type === 'MAX_LENGTH' || type === 'MIN_LENGTH' || type === 'MIN_NUMBER' || type === 'MAX_NUMBER';
  if (needsNumber && (args.length !== 1 || !Number.isFinite(Number(args[0])) || args[0].trim() === '')) {
    throw new Error(`${type} needs one numeric argument`);
  }
  if (type === 'REGEX') {
    if (args.length !== 1) {
      throw new Error('REGEX needs one argument, the pattern');
    }
    try {
      new RegExp(args[0] as string, 'u');
    } catch (e) {
      throw new Error(`REGEX pattern is invalid: ${(e as Error).message}`);
    }
  }
  const rule: PropertyValidationRule = { ruleType: type, ruleArguments: args as string[] };
  if (typeof normalization === 'boolean') {
    rule.shouldApplyNormalization = normalization;
  }
  return rule;
}

export function parseRulesSpec(raw: unknown): [ObjectType, string, PropertyValidationRule][] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error('validation rules must be {objectType: {propertyName: [{ruleType, ruleArguments}]}}');
  }
  const out: [ObjectType, string, PropertyValidationRule][] = [];
  for (const [typeName, byProp] of Object.entries(raw as Record<string, unknown>)) {
    const type = objectTypeFromId(typeName);
    if (!type) {
      throw new Error(`unknown object type ${typeName}`);
    }
    if (!byProp || typeof byProp !== 'object' || Array.isArray(byProp)) {
      throw new Error(`rules of ${typeName} must be {propertyName: [rules]}`);
    }
    for (const [prop, rules] of Object.entries(byProp as Record<string, unknown>)) {
      if (!isKnownProperty(type, prop)) {
        throw new Error(`${type} has no property ${prop}`);
      }
      if (!Array.isArray(rules)) {
        throw new Error(`rules of ${type}.${prop} must be an array`);
      }
      for (const r of rules as { ruleType?: unknown; ruleArguments?: unknown; shouldApplyNormalization?: unknown }[]) {
        out.push([type, prop, parseRule(r?.ruleType, r?.ruleArguments, r?.shouldApplyNormalization)]);
      }
    }
  }
  return out;
}
