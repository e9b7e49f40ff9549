/**
 * Which of the app's actions are special, by name (no bridge import here, so `npm start` can read it in Node).
 */

/** Actions that fail on purpose, with why: the demo and the app's buttons say so, so a red row reads as intended. */
export const FAILS_ON_PURPOSE: Record<string, string> = {
  invokeFail: "the resolver 'fail' throws",
  invokeUnknown: 'no resolver is defined under that name',
  invokeRemote404: 'the remote answers 404',
  invokeRemote500NoBody: 'the remote answers 500 with no body',
  requestRemote404: 'the remote answers 404',
  invokeMisnamed: "a misnamed resolver ('getIssue' for 'getIssues')",
};

/** Actions made to trigger findings; `scenario('all')` leaves them out so its outcomes stay as they were. */
export const FINDING_SCENARIOS = new Set(['invokeMisnamed', 'repeatGetContext', 'chain']);
