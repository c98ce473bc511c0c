"""Signals other domains listen to. Bulk roster writes send no model signals, so say so here."""

from django.dispatch import Signal

# Sent with ``school`` after a roster import has changed pupils or staff.
roster_changed = Signal()
