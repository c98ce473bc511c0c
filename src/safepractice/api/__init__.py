"""The HTTP API (django-ninja, OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs).

Personal tokens (hashed at rest, one per membership of a school) authenticate every call;
apps add their routers in ``routers.py``.
"""
