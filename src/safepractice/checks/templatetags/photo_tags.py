"""A photo's GPS position for the photo check page: in words, and its coordinates for the
details element beside them (the wording is the engine's, engine/photo.py)."""

from django import template

from safepractice.engine.photo import coordinates_text, describe_position

register = template.Library()

register.filter("position_text", describe_position)
register.filter("coordinates_text", coordinates_text)
