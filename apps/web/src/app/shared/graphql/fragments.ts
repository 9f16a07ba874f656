/*
 * GraphQL fragments several features select alike. Interpolate one with `${…}` after the
 * operation that spreads it; criteria fragments read the operation's `$lang` variable.
 */

/** A rubric rule as the scoring and review screens show it, in the reader's language. */
export const CRITERION_FIELDS = /* GraphQL */ `
  fragment CriterionFields on Criterion {
    code
    weight
    critical
    naAllowed
    position
    title(lang: $lang)
    listenFor(lang: $lang)
  }
`;

/** One rule's answer in an evaluation, with its evidence. */
export const ANSWER_FIELDS = /* GraphQL */ `
  fragment AnswerFields on Answer {
    value
    notApplicable
    comment
    evidenceSeconds
    criterion {
      code
    }
  }
`;

/** A row of an agent's evaluations list (agent page, coaching plan). */
export const EVALUATION_ROW_FIELDS = /* GraphQL */ `
  fragment EvaluationRowFields on Evaluation {
    id
    status
    score
    criticalFailure
    callStartedAt
    evaluator {
      name
    }
    call {
      externalId
    }
  }
`;

/** A coaching session as the plan page and the agent's feedback page list it. */
export const COACHING_SESSION_FIELDS = /* GraphQL */ `
  fragment CoachingSessionFields on CoachingSession {
    id
    date
    notes
    agreedActions
    acknowledgedAt
  }
`;

/** A turn of a call's transcript, as the scoring and dispute screens show it. */
export const TRANSCRIPT_TURN_FIELDS = /* GraphQL */ `
  fragment TranscriptTurnFields on TranscriptTurn {
    speaker
    text
    offsetSeconds
  }
`;

/**
 * What the scoring and dispute screens need to show an evaluation's form: its rubric's rules and
 * the answers given. Spreads CriterionFields and AnswerFields: interpolate those too.
 */
export const SCORED_FORM_FIELDS = /* GraphQL */ `
  fragment ScoredFormFields on Evaluation {
    rubricVersion {
      number
      criteria {
        ...CriterionFields
      }
    }
    answers {
      ...AnswerFields
    }
  }
`;

/** A page of an agent's evaluations list (agent page, coaching plan). Spreads EvaluationRowFields: interpolate it too. */
export const EVALUATION_ROWS_PAGE_FIELDS = /* GraphQL */ `
  fragment EvaluationRowsPageFields on EvaluationConnection {
    nodes {
      ...EvaluationRowFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
`;

/** A coaching plan as the agent's page and their own feedback page list it. */
export const COACHING_PLAN_SUMMARY_FIELDS = /* GraphQL */ `
  fragment CoachingPlanSummaryFields on CoachingPlan {
    id
    status
    focusCodes
    targetFocusScore
    startDate
    dueDate
    baseline
    current
    coach {
      name
    }
  }
`;

/** The rubric's rule titles in the reader's language, to name a plan's focus rules by code. */
export const RULE_TITLE_FIELDS = /* GraphQL */ `
  fragment RuleTitleFields on RubricVersion {
    criteria {
      code
      title(lang: $lang)
    }
  }
`;
