"""The test suite's settings: the product's, read with ``SAFEPRACTICE_TESTING`` on, in an
instance folder and a keys folder of the run's own (so no test touches a real instance).

The two folders are put in the environment, so that the processes a test starts (a server, a
worker) share them, as before; ``SAFEPRACTICE_TESTING`` is not left there unless it was given,
so a child process is the product unless its test asks otherwise.
"""

import os
import tempfile

_asked = "SAFEPRACTICE_TESTING" in os.environ
os.environ.setdefault("SAFEPRACTICE_TESTING", "1")
os.environ.setdefault("SAFEPRACTICE_INSTANCE", tempfile.mkdtemp(prefix="safepractice-test-"))
os.environ.setdefault("SAFEPRACTICE_KEYS", tempfile.mkdtemp(prefix="safepractice-test-keys-"))

from safepractice import instance  # noqa: E402

instance.prepare()

from safepractice.settings import *  # noqa: E402, F403

if not _asked:
    del os.environ["SAFEPRACTICE_TESTING"]
