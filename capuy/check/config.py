"""Which rules run: ``--select``/``--ignore`` by category, and a YAML file that switches
rules off by id or category (``capuy-check.yaml`` in the working directory, or ``--config``).

File format::

    disable: [spelling.name-variant, duplicate]   # rule ids or categories
    select: [spelling, arithmetic]                # optional: only these
    ignore: [format]                              # optional: never these

The same keys may sit under a top-level ``check:`` key.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from capuy.errors import InputError
from capuy.model import CATEGORIES

DEFAULT_CONFIG_NAME = "capuy-check.yaml"


@dataclass(frozen=True)
class CheckConfig:
    """Rule selection. Each set holds categories or rule ids; an empty ``select`` means all."""

    select: frozenset[str] = field(default_factory=frozenset)
    ignore: frozenset[str] = field(default_factory=frozenset)
    disable: frozenset[str] = field(default_factory=frozenset)

    def enabled(self, rule_id: str, category: str) -> bool:
        names = {rule_id, category}
        if self.select and not names & self.select:
            return False
        return not names & (self.ignore | self.disable)

    def merged(self, select: set[str] | None = None, ignore: set[str] | None = None) -> CheckConfig:
        """This configuration with the command line's ``--select``/``--ignore``: a ``--select``
        replaces the file's ``select`` (asking for "arithmetic" means arithmetic only, as in
        ruff); ``--ignore`` adds to the file's; ``disable`` always holds."""
        return replace(
            self,
            select=frozenset(select) if select else self.select,
            ignore=self.ignore | frozenset(ignore or ()),
        )


def validate_names(
    names: set[str] | frozenset[str], known_rules: set[str], where: str, where_en: str = ""
) -> None:
    """Unknown categories or rule ids are a user error, not something to ignore silently."""
    unknown = sorted(n for n in names if n not in CATEGORIES and n not in known_rules)
    if unknown:
        raise InputError(
            f"{where}: không có nhóm/quy tắc {', '.join(unknown)} "
            f"(nhóm hợp lệ: {', '.join(CATEGORIES)})",
            f"{where_en or where}: unknown category/rule {', '.join(unknown)} "
            f"(categories: {', '.join(CATEGORIES)})",
        )


def parse_names(value: str | None) -> set[str]:
    """``"spelling, arithmetic"`` → ``{"spelling", "arithmetic"}``."""
    if not value:
        return set()
    return {part.strip() for part in value.split(",") if part.strip()}


def load_config(path: Path | str | None = None) -> CheckConfig:
    """Read the YAML file at ``path``, or ``capuy-check.yaml`` in the cwd if it exists."""
    if path is None:
        default = Path.cwd() / DEFAULT_CONFIG_NAME
        if not default.is_file():
            return CheckConfig()
        path = default
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as error:
        raise InputError(
            f"Không tìm thấy tệp cấu hình {path}", f"config file not found: {path}"
        ) from error
    except IsADirectoryError as error:
        raise InputError(
            f"{path} là một thư mục, không phải tệp cấu hình",
            f"{path} is a directory, not a config file",
        ) from error
    except OSError as error:
        raise InputError(
            f"Không đọc được tệp cấu hình {path}",
            f"cannot read config file {path}: {error.strerror}",
        ) from error
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(
            f"Tệp cấu hình {path} không phải YAML hợp lệ", f"config file {path} is not valid YAML"
        ) from error
    if isinstance(data, dict) and isinstance(data.get("check"), dict):
        data = data["check"]
    if not isinstance(data, dict):
        raise InputError(
            f"Tệp cấu hình {path} phải là một bảng khóa: giá trị",
            f"config file {path} must be a mapping",
        )
    unknown_keys = set(data) - {"select", "ignore", "disable"}
    if unknown_keys:
        raise InputError(
            f"Tệp cấu hình {path}: khóa không hợp lệ {', '.join(sorted(unknown_keys))}",
            f"config file {path}: unknown keys {', '.join(sorted(unknown_keys))}",
        )

    def names(key: str) -> frozenset[str]:
        value = data.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(
                f"Tệp cấu hình {path}: '{key}' phải là danh sách",
                f"config file {path}: '{key}' must be a list",
            )
        return frozenset(v.strip() for v in value)

    return CheckConfig(select=names("select"), ignore=names("ignore"), disable=names("disable"))
