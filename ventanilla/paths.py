"""Where data and settings live.

Default: the platform's user data and config directories (platformdirs; on
Linux they follow XDG_DATA_HOME and XDG_CONFIG_HOME).  ``--data-dir`` or the
``VENTANILLA_HOME`` environment variable put both in one folder instead,
which is what a test, a demo or a second terminal on one machine wants.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP = "ventanilla"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_dir: Path

    @property
    def store(self) -> Path:
        return self.data_dir / "store.db"

    @property
    def settings(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def central_db(self) -> Path:
        return self.data_dir / "central.db"

    @property
    def spool(self) -> Path:
        return self.data_dir / "spool"


def resolve(data_dir: str | os.PathLike | None = None) -> Paths:
    home = data_dir or os.environ.get("VENTANILLA_HOME")
    if home:
        base = Path(home).expanduser().resolve()
        return Paths(base, base)
    return Paths(Path(user_data_dir(APP, appauthor=False)), Path(user_config_dir(APP, appauthor=False)))
