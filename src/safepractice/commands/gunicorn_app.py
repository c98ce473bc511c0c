"""Serve with gunicorn from inside the CLI (no separate config file needed)."""

from gunicorn.app.base import BaseApplication


class _App(BaseApplication):
    def __init__(self, options: dict) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from safepractice.wsgi import application

        return application


def serve(host: str, port: int, workers: int = 2) -> None:
    _App({"bind": f"{host}:{port}", "workers": workers, "control_socket_disable": True,
          "preload_app": True}).run()
