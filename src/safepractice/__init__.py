"""safepractice: putting a school's staff social media policy into practice."""

__version__ = "0.1.0"
