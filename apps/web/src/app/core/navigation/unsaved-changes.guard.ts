import type { CanDeactivateFn } from '@angular/router';

/** A screen that may hold edits not saved yet. */
export interface HoldsUnsavedChanges {
  /**
   * True when there is nothing to lose (a screen may first save what is pending), or the user
   * agreed to drop the edits.
   */
  mayLeave(): boolean | Promise<boolean>;
}

/**
 * Leaving a screen with unsaved edits (another menu entry, Back) asks first, so an afternoon's
 * work on a rubric draft is not lost to a stray click. The screen asks in its own words; this file
 * stays free of imports so the guard costs the initial bundle nothing.
 */
export const unsavedChangesGuard: CanDeactivateFn<HoldsUnsavedChanges> = (screen) => screen.mayLeave();
