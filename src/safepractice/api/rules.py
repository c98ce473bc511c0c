"""Who may hold which API token, in one place (the tokens page, the API and the CLI).

- A person whose roles need two-factor sign-in (``accounts.twofactor.requires_two_factor``)
  gets a token only once their authenticator app is set up, and their tokens stop working
  whenever that stops being true (a role granted later, a device removed).
- Every token may check posts and photos (``Scope.CHECK``). Case access (``Scope.CASES``) is
  asked for by the person and granted only with their current authenticator code, given when
  the token is made: a token never reads a case on the strength of one factor. The case
  rules (``cases/access.py``) still decide which cases it opens.
- A token lives ``DEFAULT_LIFETIME_DAYS`` unless asked otherwise, and at most
  ``MAX_LIFETIME_DAYS``.
"""

from safepractice.accounts.twofactor import confirmed_device, requires_two_factor

from .models import MAX_LIFETIME_DAYS, Scope


def two_factor_ready(user) -> bool:
    """The person's second factor is in place if their roles need one."""
    return not requires_two_factor(user) or confirmed_device(user) is not None


def why_not_create(user, scopes: set[str], days: int, *, fresh_two_factor: bool) -> str | None:
    """None if ``user`` may create a token with ``scopes`` living ``days``; else the reason.

    ``fresh_two_factor`` is whether the person has just given their current authenticator
    code for this token (the caller verifies it).
    """
    if unknown := set(scopes) - set(Scope.values):
        return f"Unknown scope: {', '.join(sorted(unknown))}."
    if Scope.CHECK not in scopes:
        return "Every token includes checking."
    if not 1 <= days <= MAX_LIFETIME_DAYS:
        return f"A token lives between 1 and {MAX_LIFETIME_DAYS} days."
    if not two_factor_ready(user):
        return "Your role needs two-factor sign-in: set it up before you create a token."
    if Scope.CASES in scopes:
        if confirmed_device(user) is None:
            return "Case access needs two-factor sign-in: set up an authenticator app first."
        if not fresh_two_factor:
            return "Case access needs the current code from your authenticator app."
    return None


def may_use(token) -> bool:
    """Whether a live token's owner may still use it (checked when it is loaded)."""
    user = token.membership.user
    if not two_factor_ready(user):
        return False
    return Scope.CASES not in token.scope_set or confirmed_device(user) is not None
