"""Problems found while loading a briefing, located as ``file:line:col``."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file; ``line`` and ``column`` count from 1 as editors do."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    location: Location
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class ProblemList:
    """Collects problems during one pass so the user sees all of them at once."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def error(self, location: Location, message: str) -> None:
        self._items.append(Problem(location, message, Severity.ERROR))

    def warning(self, location: Location, message: str) -> None:
        self._items.append(Problem(location, message, Severity.WARNING))

    def add(self, problem: Problem) -> None:
        self._items.append(problem)

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self._items)

    @property
    def error_count(self) -> int:
        return sum(p.is_error for p in self._items)

    def sorted(self) -> tuple[Problem, ...]:
        return tuple(sorted(self._items, key=lambda p: (p.location, p.severity.value)))
