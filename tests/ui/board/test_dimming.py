"""A search on a big board dims the notes in view at once and the others a turn later
(ui/board/dimming.py): what the user sees is always the search as typed, and every note ends
up as the last search says, however fast the keys come."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.board import BoardScene, BoardView
from samverkan_desktop.ui.board.dimming import AT_ONCE
from samverkan_desktop.ui.board.scene import DIMMED
from samverkan_desktop.ui.document import DocumentModel
from samverkan_desktop.ui.panels.search_panel import SearchPanel


@pytest.fixture
def big(qtbot, big_workshop):
    model = DocumentModel(Store.open(big_workshop(3_000, seed=4, clustered=True)))
    scene = BoardScene(model)
    view = BoardView(scene)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    view.first_view()
    panel = SearchPanel()
    qtbot.addWidget(panel)
    panel.highlightChanged.connect(scene.set_highlight)
    panel.set_document(model)
    yield model, scene, view, panel
    panel.set_document(None)
    model.close()


def _found(panel) -> set[int] | None:
    """What the search as typed finds (None: no search)."""
    return set(panel.hits()) if panel.field.text().strip() else None


def _wrong(scene, model, panel) -> list[int | str]:
    """The notes whose opacity is not what the search as typed gives them, and the frames
    ("frame N") not lit exactly while they hold a hit at any depth."""
    found = _found(panel)
    notes: list[int | str] = [
        i
        for i in model.notes
        if scene.note_item(i).opacity() != (1.0 if found is None or i in found else DIMMED)
    ]
    return notes + [
        f"frame {c}"
        for c in model.clusters
        if (scene.cluster_item(c).opacity() == 1.0)
        != (found is None or bool(model.subtree_notes(c) & found))
    ]


def _in_view(view) -> list:
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    return [i for i in view.board().note_items() if i.scene_rect().intersects(seen)]


def test_a_search_dims_the_notes_in_view_at_once_and_the_rest_soon(qtbot, big):
    model, scene, view, panel = big
    qtbot.keyClicks(panel.field, "x")  # few notes hold an x: most are dimmed
    found = _found(panel)  # (no turn of the event loop since the key)
    assert found is not None and AT_ONCE < len(model.notes) - len(found)
    shown = _in_view(view)
    assert len(shown) > 20
    assert all(i.opacity() == (1.0 if i.note_id in found else DIMMED) for i in shown)
    assert scene.dimming_waiting() > 0  # out of view: not yet
    qtbot.waitUntil(lambda: scene.dimming_waiting() == 0)
    assert _wrong(scene, model, panel) == []


def test_keys_typed_faster_than_the_dimming_leave_every_note_as_the_last_search_says(qtbot, big):
    model, scene, view, panel = big
    for keys in ("x", "\b", "mo", "t", "\b\b", "x"):
        for key in keys:
            if key == "\b":
                qtbot.keyClick(panel.field, Qt.Key.Key_Backspace)
            else:
                qtbot.keyClicks(panel.field, key)
    qtbot.waitUntil(lambda: scene.dimming_waiting() == 0)
    assert panel.field.text() == "mx" and _wrong(scene, model, panel) == []
    panel.field.clear()  # the search ends: everything is lit again
    qtbot.waitUntil(lambda: scene.dimming_waiting() == 0)
    assert _found(panel) is None and _wrong(scene, model, panel) == []


def test_far_out_every_note_is_dimmed_before_the_overview_draws_it(qtbot, big):
    model, scene, view, panel = big
    qtbot.keyClicks(panel.field, "x")
    assert scene.dimming_waiting() > 0
    view.zoom_to_fit()  # the overview draws the whole board from the notes' opacities
    assert scene.dimming_waiting() == 0 and _wrong(scene, model, panel) == []
    panel.field.clear()  # and far out a search tells every note at once
    assert scene.dimming_waiting() == 0 and _wrong(scene, model, panel) == []


def test_a_frame_is_lit_exactly_while_it_holds_a_hit_at_any_depth(qtbot, big):
    """Searches that find most notes, a few, and none: each frame is dimmed exactly when
    no note in it or in a frame inside it is found, whichever way the scene works it out."""
    model, scene, view, _ = big

    def wrong(found: set[int] | None) -> list[int]:
        return [
            c
            for c in model.clusters
            if (scene.cluster_item(c).opacity() == 1.0)
            != (found is None or bool(model.subtree_notes(c) & found))
        ]

    inner = [c for c, k in model.clusters.items() if k.parent_id is not None][:3]
    outer = [c for c, k in model.clusters.items() if k.parent_id is None][:3]
    hidden = set().union(*(model.subtree_notes(c) for c in inner + outer))
    most = set(model.notes) - hidden  # more hits than frames: each frame asked on its own
    few = set(sorted(model.subtree_notes(inner[0]))[:2])  # a frame's parent lit by its hits
    for found in (most, few, most, None, few, None):
        scene.set_highlight(found)
        assert wrong(found) == [], found is None or len(found)
    assert len(most) > 4 * len(model.clusters)
