/** The message of whatever a failed promise rejected with, for the planner's error lines. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
