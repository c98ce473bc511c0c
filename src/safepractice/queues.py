"""The background-task queues. Each has its own worker under ``safepractice run``.

``urgent`` carries safeguarding alerts (case alert emails, route 2's overdue check). It never
waits behind ``default``, where a review of a big archive can take minutes: a 31 MB archive of
random text held the one worker for 100 s, and an indecent-images alert went out 94 s late.
"""

DEFAULT = "default"
URGENT = "urgent"
NAMES = (DEFAULT, URGENT)
