"""The garbage collector waits while a board's rows and items are made (core/collector.py;
the fixture `collections` is in tests/conftest.py)."""

from __future__ import annotations

import gc

from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.board import BoardScene
from samverkan_desktop.ui.document import DocumentModel


def test_opening_a_big_board_makes_its_rows_and_items_without_a_collection(
    qapp, big_workshop, collections
):
    path = big_workshop(3_000, seed=2)
    gc.collect()
    collections.clear()
    model = DocumentModel(Store.open(path))
    try:
        scene = BoardScene(model)
        # Opening the file and making the (empty) scene may set off a young collection; the
        # thousands of rows and items set off none (without the pause: dozens, and full ones).
        assert len(collections) <= 2 and set(collections) <= {0}, collections
        assert len(scene.note_items()) == len(model.notes) == 3_000
        assert gc.isenabled()  # and it runs again afterwards
        young = [[i] for i in range(5_000)]
        assert collections[-1:] != [] and young
    finally:
        model.close()
