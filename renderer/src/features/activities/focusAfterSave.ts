/**
 * Where the cursor goes after saving an activity: on the saved activity in the list (so Enter opens
 * it again, arrows and Tab continue from there), else on "New individual session". Never on the page
 * body, thirteen Tabs away from anything. The form hands the id over in the navigation state.
 */
export interface ListFocusState {
  focusActivity: string;
}

export function listFocusState(id: string): ListFocusState {
  return { focusActivity: id };
}

export function activityToFocus(state: unknown): string | undefined {
  const value = (state as Partial<ListFocusState> | null)?.focusActivity;
  return typeof value === 'string' ? value : undefined;
}
