import re
import xml.etree.ElementTree as ET

import pytest

from safepractice.oversight import charts

SVG = "{http://www.w3.org/2000/svg}"


def _parse(chart: charts.Chart) -> ET.Element:
    return ET.fromstring(chart.svg)  # well-formed XML, or this raises


def test_stacked_bars_label_each_total_and_carry_the_numbers_as_a_table():
    chart = charts.stacked_bars("Cases", ["Jan", "Feb"], [
        charts.Series("Cyberbullying", [2, 0]), charts.Series("Conduct", [1, 4]),
    ])
    root = _parse(chart)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "3" in texts and "4" in texts  # totals printed on the bars
    assert chart.rows == [["Jan", "2", "1", "3"], ["Feb", "0", "4", "4"]]
    assert chart.columns == ["", "Cyberbullying", "Conduct", "Total"]


def test_series_differ_by_pattern_not_only_by_colour():
    chart = charts.stacked_bars("Cases", ["Jan"], [
        charts.Series("A", [1]), charts.Series("B", [1]),
    ])
    patterns = _parse(chart).findall(f".//{SVG}pattern")
    bodies = {ET.tostring(p[1]) if len(p) > 1 else b"solid" for p in patterns}
    assert len(bodies) == 2


def test_the_chart_is_named_for_assistive_technology():
    chart = charts.line("Completion", [("Jan", 50), ("Feb", 75)])
    root = _parse(chart)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Completion"
    assert "from 50% (Jan) to 75% (Feb)" in root.find(f"{SVG}desc").text


def test_a_distribution_marks_the_target_and_counts_those_within_it():
    chart = charts.distribution("Time to notify", [10, 20, 50, 70, 300],
                                edges=(0, 30, 60, 120), target=60, unit="min",
                                target_label="60 minutes")
    texts = [t.text for t in _parse(chart).iter(f"{SVG}text")]
    assert "Target: 60 minutes" in texts
    assert "3 of 5 within the target" in chart.summary
    assert chart.rows == [["0–30", "2", "yes"], ["30–60", "1", "yes"],
                          ["60–120", "1", "no"], ["120+", "1", "no"]]


def test_whole_number_bins_are_within_target_up_to_the_target_itself():
    chart = charts.distribution("Time to acknowledge", [0, 3, 4, 12], edges=(0, 1, 3, 4, 10),
                                target=3, unit="working days", target_label="3 working days",
                                whole_numbers=True)
    assert chart.rows == [["0", "1", "yes"], ["1–2", "0", "yes"], ["3", "1", "yes"],
                          ["4–9", "1", "no"], ["10+", "1", "no"]]


def test_text_is_escaped_inside_the_svg():
    chart = charts.stacked_bars("<b>", ["<script>"], [charts.Series("A&B", [1])])
    assert "<script>" not in chart.svg
    _parse(chart)


def test_no_chart_loads_anything_from_the_web():
    chart = charts.stacked_bars("Cases", ["Jan"], [charts.Series("A", [1])])
    assert "http" not in chart.svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<script" not in chart.svg


def test_an_empty_chart_says_so():
    chart = charts.line("Completion", [])
    assert chart.is_empty and "no data" in chart.summary


@pytest.mark.parametrize(
    "largest, ticks", [(6, "0 2 4 6 8"), (3, "0 1 2 3 4"), (101, "0 50 100 150 200")]
)
def test_a_count_axis_has_whole_number_ticks(largest, ticks):
    chart = charts.stacked_bars("Cases", ["Jan"], [charts.Series("Cyberbullying", [largest])])
    labels = re.findall(r'text-anchor="end" fill="[^"]+">([^<]+)</text>', chart.svg)
    assert " ".join(labels) == ticks
