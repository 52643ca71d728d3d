"""The anchor scan finds exactly the ids that the Markdown renderer will create."""

from __future__ import annotations

import re

from viewer.domain.anchors import scan
from viewer.domain.render import render_markdown


def rendered_ids(text: str) -> list[str]:
    html = render_markdown(text).html
    return [i for i in re.findall(r'\bid="([^"]+)"', html) if not i.startswith("fn")]


def test_scan_matches_renderer_on_tricky_headings() -> None:
    text = (
        "# Key judgements\n\nText.\n{: #kj }\n\n## Arms and the *nuclear* file\n\n"
        "Setext heading\n--------------\n\n## Key judgements\n\n## Custom {: #own }\n\n"
        "### Russia’s “pivot”: the [2016](http://x) air-base use\n\n"
        "```\n# not a heading\n{: #not-an-anchor }\n```\n"
    )
    found = [a.id for a in scan([("b.md", text)]).anchors]
    assert found == rendered_ids(text)


def test_bundled_prose_anchors_match_renderer(bundled) -> None:
    found = sorted(a.id for a in scan([("b.md", bundled.markdown)]).anchors)
    assert found == sorted(rendered_ids(bundled.markdown))


def test_detached_attribute_list_is_reported() -> None:
    result = scan([("b.md", "Para.\n\n{: #late }\n")])
    assert result.anchors == []
    assert [str(d) for d in result.detached] == ["b.md:3:1"]
