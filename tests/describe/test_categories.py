from __future__ import annotations

from newstrace.describe.categories import categories_from_line
from newstrace.pipeline import analyse_page

ARTICLE = (
    "The old paper mill on the Aare reopened on Thursday after eight months of repairs, its owners said."
)


def test_stated_category_line() -> None:
    doc = analyse_page(
        f"Categories: ECONOMY, Regions\n\nMill reopens after flood repairs\n\n{ARTICLE}", is_html=False
    )
    assert doc.categories == ["ECONOMY", "Regions"]
    assert "Categories" not in doc.body


def test_section_over_the_headline() -> None:
    doc = analyse_page(f"Business\n\nMill Reopens After Flood Repairs\n\n{ARTICLE}", is_html=False)
    assert doc.categories == ["Business"]


def test_no_stated_category() -> None:
    assert analyse_page(f"Mill reopens\n\n{ARTICLE}", is_html=False).categories == []


def test_tags_are_not_categories() -> None:
    assert categories_from_line("Tags: mill, flood") == []
