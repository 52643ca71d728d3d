"""Reading YAML mappings against a field spec, reporting every problem with its location."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from viewer.domain.fields import Field, Invalid, suggest
from viewer.domain.problems import Location, ProblemList
from viewer.domain.yamlnodes import TYPE_NAMES, locate


@dataclass
class Record:
    """Checked values of one mapping, each with where it was written."""

    location: Location
    values: dict[str, object] = field(default_factory=dict)
    """Only the values that passed their checks; a briefing with any problem is not built."""
    where: dict[str, Location] = field(default_factory=dict)

    def get(self, name: str, default: object = "") -> object:
        return self.values.get(name, default)

    def at(self, name: str) -> Location:
        return self.where.get(name, self.location)


def found(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return "nothing"
    return TYPE_NAMES.get(type(node), "something else")


class RecordReader:
    def __init__(self, shown: str, problems: ProblemList) -> None:
        self.shown = shown
        self.problems = problems

    def error(self, node: yaml.Node, message: str) -> None:
        self.problems.error(locate(node, self.shown), message)

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        self.error(node, f"{what} must be a list, found {found(node)}")
        return []

    def record(
        self, node: yaml.Node, spec: dict[str, Field], what: str, raw: tuple[str, ...] = ()
    ) -> Record | None:
        """Check a mapping against ``spec``; keys in ``raw`` keep their node for the caller."""
        if not isinstance(node, yaml.MappingNode):
            self.error(
                node, f"each {what} must be a mapping of keys to values, found {found(node)}"
            )
            return None
        record = Record(locate(node, self.shown))
        seen: set[str] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, f"keys of a {what} must be plain names")
                continue
            key = key_node.value
            if key in seen:
                self.error(key_node, f"key '{key}' is given twice in this {what}")
                continue
            seen.add(key)
            if key not in spec:
                self.error(key_node, f"unknown key '{key}' in {what}{suggest(key, spec)}")
                continue
            record.where[key] = locate(value_node, self.shown)
            if key in raw:
                record.values[key] = value_node
                continue
            value = self.value(value_node, spec[key], what)
            if value is not None:
                record.values[key] = value
        for name, wanted in spec.items():
            if wanted.required and name not in seen:
                self.problems.error(record.location, f"{what} is missing required key '{name}'")
        return record

    def value(self, node: yaml.Node, wanted: Field, what: str) -> object | None:
        """The converted value, or None after reporting why it cannot be used."""
        if wanted.many or wanted.one_or_many:
            if isinstance(node, yaml.ScalarNode) and wanted.one_or_many:
                single = self.scalar(node, wanted, what)
                return None if single is None else [single]
            items = self.sequence(node, f"{what}.{wanted.name}")
            if not isinstance(node, yaml.SequenceNode):
                return None
            converted = [self.scalar(item, wanted, what) for item in items]
            if any(item is None for item in converted):
                return None
            if wanted.required and not converted:
                self.error(node, f"{what}.{wanted.name} must not be empty")
                return None
            return converted
        return self.scalar(node, wanted, what)

    def scalar(self, node: yaml.Node, wanted: Field, what: str) -> object | None:
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"{what}.{wanted.name} must be a single value, found {found(node)}")
            return None
        try:
            return wanted.convert(node.value, node.tag)
        except Invalid as exc:
            self.error(node, f"{what}.{wanted.name}: {exc}")
            return None
