"""Every audit action's name, written down once, and the names earlier versions wrote.

The scheme, for every name: kebab-case ``<object>-<past participle>``. The object comes first,
in one or more words ("case", "review-pdf", "sign-in", "two-factor-link"); the last word says
what happened to it, as a past participle ("case-viewed", "review-pdf-downloaded"), followed
at most by the particle of a phrasal verb ("devices-looked-up", "user-signed-in"). A name fits
in ``AuditEntry.action`` (40 characters). ``follows_scheme`` is the rule as code; a test holds
every call of ``audit.services.record`` to a constant of this module.

Entries are keyed and chained, so an entry written under an older name keeps it for ever:
``FORMER_NAMES`` maps each current name to the names it was written under before, and
``audit.selectors.entries_with_action`` finds both. Renaming an action means adding its old
name there, never changing a stored entry.
"""

import re
from collections.abc import Mapping
from typing import Final

MAX_LENGTH: Final = 40  # AuditEntry.action

# Regular participles end in -ed; the irregular ones the log uses, or soon might, are listed.
_IRREGULAR_PARTICIPLES = ("sent", "set", "reset", "withdrawn", "taken", "shown", "given",
                          "done", "made", "read", "written", "held", "run")
_SCHEME = re.compile(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*"  # the object
    rf"-(?:[a-z]+ed|{'|'.join(_IRREGULAR_PARTICIPLES)})"  # what happened to it
    r"(?:-(?:in|up|out|over))?$"  # a phrasal verb's particle
)


def follows_scheme(name: str) -> bool:
    return len(name) <= MAX_LENGTH and _SCHEME.fullmatch(name) is not None


# --- accounts -------------------------------------------------------------------------------
USER_SIGNED_IN: Final = "user-signed-in"
SIGN_IN_CONFIRMED: Final = "sign-in-confirmed"  # "confirm it's you" before a download
SIGN_IN_PAUSED: Final = "sign-in-paused"
SIGN_IN_UNLOCKED: Final = "sign-in-unlocked"
TWO_FACTOR_VERIFIED: Final = "two-factor-verified"
TWO_FACTOR_ENROLLED: Final = "two-factor-enrolled"
TWO_FACTOR_LINK_SENT: Final = "two-factor-link-sent"
TWO_FACTOR_LINK_USED: Final = "two-factor-link-used"
RECOVERY_CODES_RENEWED: Final = "recovery-codes-renewed"
PASSWORD_RESET: Final = "password-reset"
PASSWORD_CHANGED: Final = "password-changed"
INVITATION_SENT: Final = "invitation-sent"
INVITATION_ACCEPTED: Final = "invitation-accepted"
API_TOKEN_CREATED: Final = "api-token-created"
API_TOKEN_REVOKED: Final = "api-token-revoked"

# --- schools --------------------------------------------------------------------------------
ROSTER_IMPORTED: Final = "roster-imported"
PEOPLE_VIEWED: Final = "people-viewed"
DUTY_ROLES_VIEWED: Final = "duty-roles-viewed"
DUTY_ROLE_GRANTED: Final = "duty-role-granted"
DUTY_ROLE_REVOKED: Final = "duty-role-revoked"

# --- checks and reviews ---------------------------------------------------------------------
CHECK_SAVED: Final = "check-saved"
CHECK_DELETED: Final = "check-deleted"
SAVED_CHECK_VIEWED: Final = "saved-check-viewed"
REVIEW_STARTED: Final = "review-started"
REVIEW_COMPLETED: Final = "review-completed"
REVIEW_FAILED: Final = "review-failed"
REVIEW_VIEWED: Final = "review-viewed"
REVIEW_PDF_DOWNLOADED: Final = "review-pdf-downloaded"
REVIEW_DELETED: Final = "review-deleted"
REVIEWS_PURGED: Final = "reviews-purged"

# --- policies -------------------------------------------------------------------------------
POLICY_IMPORTED: Final = "policy-imported"
POLICY_REVIEW_DATE_SET: Final = "policy-review-date-set"
POLICY_ACKNOWLEDGED: Final = "policy-acknowledged"
ACKNOWLEDGEMENT_NAMES_VIEWED: Final = "acknowledgement-names-viewed"

# --- cases ----------------------------------------------------------------------------------
CASE_RAISED: Final = "case-raised"
CASE_VIEWED: Final = "case-viewed"
CASE_EXPORTED: Final = "case-exported"
CASE_DISPOSED: Final = "case-disposed"
EVIDENCE_DOWNLOADED: Final = "evidence-downloaded"
EVIDENCE_INTEGRITY_CHECK_FAILED: Final = "evidence-integrity-check-failed"

# What each step of a case's workflow (``cases.actions``, named by what the person does)
# is called once done. A test holds this equal to the steps the routes offer.
CASE_STEPS_DONE: Final[Mapping[str, str]] = {
    "acknowledge": "case-acknowledged",
    "agree-action": "case-action-agreed",
    "close": "case-closed",
    "reopen": "case-reopened",
    "update-wishes": "case-wishes-updated",
    "refer-to-police": "case-police-referral-made",
    "record-notification": "case-notification-recorded",
    "hand-over": "case-handed-over",
    "request-advice": "case-advice-requested",
    "record-advice": "case-advice-recorded",
    "start-investigation": "case-investigation-started",
    "add-note": "case-note-added",
    "add-interview-note": "case-interview-note-added",
    "record-outcome": "case-outcome-recorded",
    "inform-subject": "case-subject-informed",
    "record-control-action": "case-control-action-recorded",
    "add-evidence": "case-evidence-added",
    "add-task": "case-task-added",
    "complete-task": "case-task-completed",
}


def case_step_done(step: str) -> str:
    """The audit name of a case workflow step; a step without one is a KeyError, not an
    unnamed entry."""
    return CASE_STEPS_DONE[step]


# --- registers ------------------------------------------------------------------------------
DEVICES_LOOKED_UP: Final = "devices-looked-up"
JUDGEMENT_NOTICE_VIEWED: Final = "judgement-notice-viewed"
REGISTER_NOTHING_TO_DECLARE_CONFIRMED: Final = "register-nothing-to-declare-confirmed"

# The register's own history (``RegisterEvent.action``) names each event; the audit log
# names it "register-<event>", except where the event's name does not end in what happened.
REGISTER_EVENTS_RENAMED: Final[Mapping[str, str]] = {
    "notified-head": "register-head-notified",
}


def register_event_done(event: str) -> str:
    return REGISTER_EVENTS_RENAMED.get(event, f"register-{event}")


# --- oversight and exports ------------------------------------------------------------------
LIST_EXPORTED: Final = "list-exported"  # any CSV download of a list
OVERSIGHT_TERMS_SET: Final = "oversight-terms-set"
OVERSIGHT_REPORT_GENERATED: Final = "oversight-report-generated"
OVERSIGHT_REPORT_DOWNLOADED: Final = "oversight-report-downloaded"
OVERSIGHT_LIST_VIEWED: Final = "oversight-list-viewed"
OVERSIGHT_TRUST_VIEWED: Final = "oversight-trust-viewed"


# --- names written before this scheme ---------------------------------------------------------
FORMER_NAMES: Final[Mapping[str, tuple[str, ...]]] = {
    USER_SIGNED_IN: ("login",),
    ROSTER_IMPORTED: ("roster-import",),
    PEOPLE_VIEWED: ("view-people",),
    DUTY_ROLES_VIEWED: ("view-duty-roles",),
    SAVED_CHECK_VIEWED: ("view-saved-check",),
    REVIEW_STARTED: ("review.started",),
    REVIEW_COMPLETED: ("review.completed",),
    REVIEW_FAILED: ("review.failed",),
    REVIEW_VIEWED: ("review.viewed",),
    REVIEW_PDF_DOWNLOADED: ("review.pdf_downloaded",),
    REVIEW_DELETED: ("review.deleted",),
    REVIEWS_PURGED: ("review.purged",),
    ACKNOWLEDGEMENT_NAMES_VIEWED: ("view-acknowledgement-names",),
    CASE_VIEWED: ("case-view",),
    CASE_EXPORTED: ("case-export",),
    EVIDENCE_DOWNLOADED: ("evidence-download",),
    EVIDENCE_INTEGRITY_CHECK_FAILED: ("evidence-integrity-failure",),
    DEVICES_LOOKED_UP: ("device-lookup",),
    JUDGEMENT_NOTICE_VIEWED: ("view-judgement-notice",),
    REGISTER_NOTHING_TO_DECLARE_CONFIRMED: ("register-nothing-to-declare",),
    LIST_EXPORTED: ("export.csv",),
    OVERSIGHT_TERMS_SET: ("oversight.terms_set",),
    OVERSIGHT_REPORT_GENERATED: ("oversight.report_generated",),
    OVERSIGHT_REPORT_DOWNLOADED: ("oversight.report_downloaded",),
    OVERSIGHT_LIST_VIEWED: ("oversight.list_viewed",),
    OVERSIGHT_TRUST_VIEWED: ("oversight.trust_viewed",),
    # The steps were written "case-<step>", in the imperative.
    **{done: (f"case-{step}",) for step, done in CASE_STEPS_DONE.items()},
    **{done: (f"register-{event}",) for event, done in REGISTER_EVENTS_RENAMED.items()},
}
