/** The advice feature's public API, for commands and other features (estimates, vendor comparison). */
export {
  type Advice,
  type Alternative,
  advise,
  type ChecklistItem,
  checklistOf,
  checklistText,
  defaultRuleSet,
  type Recommendation,
} from "./advise.ts";
export { CRITERIA, type Criterion, isCriterion } from "./criteria.ts";
export { ADVISE_EXAMPLE, type AdviseInput, parseAdviseInput } from "./input.ts";
export { CHOICE_LABELS, CRITERION_LABELS } from "./labels.ts";
export { loadRules, RuleFileError, type RuleSet, uncoveredCriteria } from "./load.ts";
export { type Profile, ProfileSchema } from "./profile.ts";
export {
  checkVendor,
  failedMusts,
  mustRequirements,
  type Requirement,
  type RequirementCheck,
  type VendorOffer,
} from "./requirements.ts";
