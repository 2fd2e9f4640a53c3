"""Counselor insights: what students ask about and what the assistant could not answer, per school.

    table.py    the `insights` table (one row per user message, written with the events) and how
                a turn's events become a row
    figures.py  the indexed SQL aggregates per school-week for a school or the district and whole
                weeks; parse_day() for the dates a viewer asks for
    suppress.py what may be shown: no figure from fewer than 5 conversations, and none that can be
                worked out from shown ones (the rule, docs/insights.md)
    grouping.py unanswered questions grouped by similarity (bounded, cached), with a hint into the
                knowledge file and an example only when 5 widget conversations typed it
    charts.py   matplotlib SVG charts (imported only when a page or report is drawn)
    page.py     the HTML page and the static report (bot/tools/insights.py writes the files)
    auth.py     who may see what: per-school token hashes in the registry, the district token,
                the signed session

No sender id, and no time finer than a week, ever leaves this package.
"""
