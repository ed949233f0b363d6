import { z } from 'zod';

/**
 * Stable error codes. The renderer maps each to a translated message;
 * `details` carries what the message needs (field paths, ids, limits).
 */
export const errorCodes = [
  'invalid_payload',
  'unknown_method',
  'not_found',
  'conflict',
  'unavailable',
  'unauthorized',
  'database_newer',
  'database_corrupt',
  'internal',
] as const;

export const ErrorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/**
 * Why something was refused, as a stable code the renderer words in the operator's language with
 * the issue's `params`. The first group mirrors zod's own issue codes (see `issuesOf` in main); the
 * rest are rules of the contract's refinements and of main's domain. `message` stays English, for
 * logs and the command line.
 */
export const errorReasons = [
  // zod issues
  'required',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'invalid_type',
  'not_a_number',
  'not_multiple_of',
  'unknown_keys',
  // contract refinements
  'contact_needs_name',
  'needs_contact_or_company',
  'ends_before_start',
  'range_over_a_year',
  'each_country_once',
  'choice_needs_options',
  'merge_into_itself',
  'pipeline_needs_open_stage',
  'direction_only_for_calls_and_emails',
  'ws_url_not_secure',
  // records and fields
  'no_such_record',
  'record_gone',
  'contact_merged',
  'stale_list_position',
  'field_type_fixed',
  'unknown_custom_field',
  'custom_needs_number',
  'custom_needs_date',
  'custom_needs_choice',
  // rows an import turned away
  'row_column_count',
  'row_not_an_email',
  'row_field_gone',
  'row_without_name',
  'row_unreadable',
  'not_a_phone_number',
  'stage_has_deals',
  'choose_who_you_are',
  'erase_name_mismatch',
  'planned_only_completes',
  'planned_already_done',
  // complaints
  'complaint_move_not_allowed',
  'resolve_needs_resolution',
  'reopen_needs_note',
  'complaint_closed',
  'step_already_done',
  // import, export and files
  'file_empty',
  'file_has_no_rows',
  'file_too_large',
  'unreadable_header',
  'mapping_mismatch',
  'upload_complete',
  'upload_incomplete',
  'export_not_ready',
  'import_running',
  'import_undone',
  // background jobs
  'job_running',
  'job_cancelled',
  'job_not_resumable',
  'job_from_other_version',
  'job_needs_writer',
  'worker_stopped',
  'app_closing',
  'demo_needs_empty_workplace',
  'database_from_newer_version',
  'database_unreadable',
  // telephony
  'phone_not_registered',
  'not_a_dial_target',
  'call_command_refused',
  'call_not_answered',
  'call_request_refused',
  'conference_same_call',
  'conference_needs_active_calls',
  'not_in_conference',
  'recording_off',
  'recording_needs_answer',
  'recording_piece_out_of_order',
  'recording_too_large',
  'recorder_replaced',
  'not_a_recording',
  'call_audio_unavailable',
  'call_audio_failed',
  // scripts and questionnaires
  'script_has_problems',
  'script_not_published',
  'script_kind_mismatch',
  'no_script_for_call',
  'script_run_finished',
  'questionnaire_incomplete',
  'not_json',
  'not_a_script_file',
  'script_file_version',
  'script_missing_target',
  'script_missing_start',
  'script_duplicate_id',
  'script_unknown_section',
  'script_unknown_field',
  'question_duplicate_id',
  'question_condition_on_later_question',
  'question_condition_on_unknown_question',
  'question_no_options',
  'question_bad_pattern',
  'question_bad_range',
  'question_unknown_field',
  'callback_needs_time',
  'rule_looser_than_profile',
  'unknown_calling_profile',
  'campaign_state_refused',
  // campaign files
  'not_a_campaign_part',
  'not_a_campaign_results',
  'campaign_file_version',
  'campaign_file_other_campaign',
  'operator_not_in_campaign',
  'entry_not_in_list',
  'entry_being_dialed',
  'number_already_in_list',
  'attempt_still_open',
  'attempt_entry_unknown',
  'allowed_because_unreadable',
  'calling_profile_version_differs',
  'record_unknown_here',
  'not_campaign_operator',
  'abandon_message_missing',
  // calendar
  'calendar_read_only',
  'unknown_time_zone',
  'occurrence_unknown',
  'calendar_item_unreadable',
  'caldav_auth_failed',
  'caldav_unreachable',
  'caldav_not_caldav',
  'caldav_account_exists',
  'conflict_already_resolved',
  'only_assigner_checks',
  'not_an_assignment',
  // reports and quality control
  'report_view_unknown',
  'report_cell_not_drillable',
  'report_cursor_invalid',
  'qa_criterion_unknown',
  'qa_criterion_missing',
  'qa_points_out_of_range',
  'qa_review_fixed',
  'qa_review_not_yours',
] as const;

export const ErrorReasonSchema = z.enum(errorReasons);
export type ErrorReason = z.infer<typeof ErrorReasonSchema>;

/** What a reason's wording needs: limits, field names, states, counts. */
export const ErrorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof ErrorParamsSchema>;

/** One problem in a payload: `phones.2.raw` → too_big {maximum: 64}. */
export const PayloadIssueSchema = z.object({
  path: z.string(),
  code: ErrorReasonSchema,
  params: ErrorParamsSchema,
  /** English, for logs and the command line; the renderer words `code` instead. */
  message: z.string(),
});
export type PayloadIssue = z.infer<typeof PayloadIssueSchema>;

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  /** English, for logs and the command line; the renderer words `reason` (or `code`) instead. */
  message: z.string(),
  issues: z.array(PayloadIssueSchema).optional(),
  /** Why a domain rule refused, with what its wording needs. */
  reason: ErrorReasonSchema.optional(),
  params: ErrorParamsSchema.optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** Every method answers with a result value, never a thrown exception across the process boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
