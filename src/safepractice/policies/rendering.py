"""Turning a version's text into safe HTML for reading."""

from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

from .models import PolicyVersion, TextFormat

# "js-default" leaves raw HTML disabled: an uploaded Markdown file cannot inject markup.
_markdown = MarkdownIt("js-default")


def render_policy_text(version: PolicyVersion) -> SafeString:
    if version.text_format == TextFormat.MARKDOWN:
        return mark_safe(_markdown.render(version.text))
    return mark_safe(linebreaks(escape(version.text)))
