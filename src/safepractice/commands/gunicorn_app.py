"""Serve with gunicorn from inside the CLI (no separate config file needed)."""

from collections.abc import Callable

from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter


class _Arbiter(Arbiter):
    on_stop: Callable[[], None] | None = None

    def stop(self, graceful: bool = True) -> None:
        # Ctrl+C or SIGTERM: the first thing gunicorn does on its way down, so the workers
        # beside it (commands/supervisor.py) are not started again as they stop too.
        if self.on_stop is not None:
            self.on_stop()
        super().stop(graceful)


class _App(BaseApplication):
    def __init__(self, options: dict, on_stop: Callable[[], None] | None = None) -> None:
        self.options = options
        self.on_stop = on_stop
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        # Lazy: gunicorn calls load() in each worker after forking; the app is built there.
        from safepractice.wsgi import application

        return application

    def run(self) -> None:
        arbiter = _Arbiter(self)
        arbiter.on_stop = self.on_stop
        arbiter.run()


def serve(host: str, port: int, workers: int = 2, on_stop: Callable[[], None] | None = None
          ) -> None:
    _App({"bind": f"{host}:{port}", "workers": workers, "control_socket_disable": True,
          "preload_app": True}, on_stop=on_stop).run()
