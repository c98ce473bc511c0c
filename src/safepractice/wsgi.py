import os

from django.core.wsgi import get_wsgi_application

from safepractice import instance

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepractice.settings")
instance.prepare()  # the settings read the instance folder; they create nothing
application = get_wsgi_application()
