#!/usr/bin/env python3
"""Reference expansion of a calendar's recurring events, for calendar/tests/recurrence_reference.rs.

Usage: expand.py FILE.ics TODAY(YYYY-MM-DD) UNTIL(YYYY-MM-DD) TZ
Prints one line per occurrence that blocks nights in [TODAY, UNTIL): `uid<TAB>start<TAB>end`,
nights read with the parser's date rule (calendar/src/parse.rs): a DATE-TIME becomes a date in
TZ (floating times as written), an end on or before the start's day blocks one night, and a
start and end both at 00:00 UTC are the dates written. Expansion (RRULE, RDATE, EXDATE,
RECURRENCE-ID overrides) is done by `recurring-ical-events` (python-dateutil underneath),
never by this script. Cancelled occurrences are left out.
"""
import datetime as dt
import sys
import zoneinfo

import icalendar
import recurring_ical_events


def night(value, tz):
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.date()
        return value.astimezone(tz).date()
    return value


def utc_midnight(value):
    return (
        isinstance(value, dt.datetime)
        and value.tzinfo is not None
        and value.utcoffset() == dt.timedelta(0)
        and value.astimezone(dt.timezone.utc).time() == dt.time(0)
    )


def main():
    path, today, until, tz_name = sys.argv[1:5]
    tz = zoneinfo.ZoneInfo(tz_name)
    today = dt.date.fromisoformat(today)
    until = dt.date.fromisoformat(until)
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    lines = set()
    for event in recurring_ical_events.of(calendar, skip_bad_series=True).between(today, until):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        if str(event.get("TRANSP", "")).upper() == "TRANSPARENT":
            continue
        start = event["DTSTART"].dt
        end = event["DTEND"].dt if "DTEND" in event else None
        if end is not None and utc_midnight(start) and utc_midnight(end):
            start, end = start.astimezone(dt.timezone.utc).date(), end.astimezone(dt.timezone.utc).date()
        first = night(start, tz)
        last = night(end, tz) if end is not None else first
        if last <= first:
            last = first + dt.timedelta(days=1)
        if last <= today or first >= until:
            continue
        lines.add(f"{event.get('UID', '')}\t{first}\t{last}")
    for line in sorted(lines):
        print(line)


if __name__ == "__main__":
    main()
