/** Quality control of calls: scorecards of weighted criteria, supervisors' reviews, the operator's view of them. */
export const qualityMethods = {} as const;
