import pageTypeModelJson from './page-type-model.json' with { type: 'json' };

/**
 * Weights of the learned models the cleaner runs, by model name. They are part of the rule
 * pack's hash: new weights change `RULE_PACK_HASH`, and with it every document's provenance.
 * A model module adds its checked-in weights here (`{ name: weightsJson }`).
 */
export const MODEL_WEIGHTS: Readonly<Record<string, unknown>> = {
  pageType: pageTypeModelJson,
};
