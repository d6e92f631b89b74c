// Building blocks for elements of your own that share acct-widgets' adapter, theme and states.
export { AcctElement } from './acct-element.js';
export { acctContext, type AcctContextValue, type AcctLinks } from './context.js';
export type * from './events.js';
export { SettingsController, type SettingsPhase, type SettingsControllerOptions } from './settings-controller.js';
export { DirtyGuardController } from './dirty-guard.js';
export { ReauthController, ReauthCancelled } from './reauth.js';
export { LightInput } from './light-input.js';
export { ResourceController, type ResourcePhase, type ResourceControllerOptions, type ActionFailure } from './resource-controller.js';
