"""Counselor insights: what students ask about and what the assistant could not answer, per school.

    table.py    the `insights` table (one row per user message, written with the events) and how
                a turn's events become a row
    figures.py  the indexed SQL aggregates for a school or the district and a date range, with
                small numbers hidden ("fewer than 5" distinct conversations)
    grouping.py unanswered questions grouped by similarity, with a hint into the knowledge file
    charts.py   matplotlib SVG charts (imported only when a page or report is drawn)
    page.py     the HTML page and the static report; export.py the CSV files
    auth.py     who may see what: per-school token hashes in the registry, the district token

No sender id, and no time finer than a day, ever leaves this package.
"""
