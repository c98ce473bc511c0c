"""The house style for en-GB (``FORMAT_MODULE_PATH``), so that a date a template prints
without a filter reads as every other one does. The styles themselves are in web/formatting.py.

Input formats are left as Django's: forms parse what people type, not what pages print.
"""

from safepractice.web.formatting import DATE_FORMAT, DATETIME_FORMAT, MONTH_FORMAT

YEAR_MONTH_FORMAT = MONTH_FORMAT

__all__ = ["DATETIME_FORMAT", "DATE_FORMAT", "YEAR_MONTH_FORMAT"]
