"""The seed workshop as a DocumentModel, for panels tested on their own."""

from __future__ import annotations

import pytest

from samverkan_desktop.core.store import Store
from samverkan_desktop.ui.document import DocumentModel


@pytest.fixture
def doc(seed_workshop):
    model = DocumentModel(Store.open(seed_workshop))
    yield model
    model.close()
