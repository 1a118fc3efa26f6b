#!/usr/bin/env python3
"""Writes tests/corpus/dates-relative.csv: relative and year-less expressions
against many publication dates, with expected values computed by a small,
independent oracle (Python's datetime), so that year roll-over in early
January and late December is checked for every rule."""
import csv, datetime as dt, sys

PUBLISHED = ["2024-01-02", "2024-01-07", "2024-06-15", "2024-12-30", "2023-12-31",
             "2020-02-29", "2001-03-01", "1998-11-18"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

def ym(y, m): return f"{y:04d}-{m:02d}"
def shift_month(d, n):
    m = d.month - 1 + n
    return d.year + m // 12, m % 12 + 1

def rows_for(p):
    d = dt.date.fromisoformat(p)
    y, m = d.year, d.month
    out = []
    add = lambda text, expr, value: out.append((p, text, expr, value))
    add("The delegation left yesterday.", "yesterday", (d - dt.timedelta(1)).isoformat())
    add("Talks were held today in Pyongyang.", "today", d.isoformat())
    add("The envoy will arrive tomorrow.", "tomorrow", (d + dt.timedelta(1)).isoformat())
    add("He left three days ago.", "three days ago", (d - dt.timedelta(3)).isoformat())
    w = (d - dt.timedelta(14)).isocalendar()
    add("They met two weeks ago.", "two weeks ago", f"{w[0]:04d}-W{w[1]:02d}")
    add("It happened twenty-three years ago.", "twenty-three years ago", f"{y - 23:04d}")
    add("Trade grew last year.", "last year", f"{y - 1:04d}")
    add("The plan ends next year.", "next year", f"{y + 1:04d}")
    add("Exports rose last month.", "last month", ym(*shift_month(d, -1)))
    add("This year marks a turning point.", "This year", f"{y:04d}")
    add("They met in Pyongyang in June this year.", "June this year", ym(y, 6))
    add("On June 19 this year the treaty was signed.", "June 19 this year", f"{y:04d}-06-19")
    add("They met in Moscow in April last year.", "April last year", ym(y - 1, 4))
    back = (d.weekday() - 0) % 7
    add("The delegation arrived on Monday.", "Monday", (d - dt.timedelta(back)).isoformat())
    fwd = (4 - d.weekday()) % 7
    add("The delegation will arrive on Friday.", "Friday", (d + dt.timedelta(fwd)).isoformat())
    # year-less dates: back a year in the past tense when after "now", forward in the future tense
    past_year = y if (3, 3) <= (m, d.day) else y - 1
    add("The agreement was signed on March 3.", "March 3", f"{past_year:04d}-03-03")
    fut_year = y if (11, 20) >= (m, d.day) else y + 1
    add("The forum will open on November 20.", "November 20", f"{fut_year:04d}-11-20")
    oct_year = y if 10 <= m else y - 1
    add("They met in October.", "October", ym(oct_year, 10))
    add("It marks the 75th anniversary of the founding.", "the 75th anniversary", f"{y - 75:04d}")
    add("It marks the seventieth anniversary of the victory.", "the seventieth anniversary", f"{y - 70:04d}")
    return out

def main():
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["published", "text", "expression", "value"])
    for p in PUBLISHED:
        for row in rows_for(p):
            w.writerow(row)

main()
