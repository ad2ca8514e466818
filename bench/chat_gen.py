#!/usr/bin/env python3
"""Deterministic WhatsApp "Export chat" text for bench/chat_bench.sh.

chat_gen.py FORMAT MESSAGES OUT   (FORMAT: see FORMATS; MESSAGES may be a
count, or SIZE followed by 'MB' to write about that many megabytes).
Senders, multi-line messages, system lines, "<Media omitted>" and
attachments are mixed in; times move forward by 0-900 minutes per message,
so days above 12 occur and the date order can be inferred.
"""
import random
import sys
from datetime import datetime, timedelta

NNBSP = "\u202f"


def android(d, t):
    return d + ", " + t + " - "


FORMATS = {
    # name: (date, time, header)
    "android-24h-dmy": (lambda x: x.strftime("%d/%m/%y"), lambda x: x.strftime("%H:%M"), android),
    "android-12h-mdy": (lambda x: f"{x.month}/{x.day}/{x:%y}",
                        lambda x: f"{(x.hour + 11) % 12 + 1}:{x:%M}{NNBSP}{'AM' if x.hour < 12 else 'PM'}",
                        android),
    "android-de": (lambda x: x.strftime("%d.%m.%y"), lambda x: x.strftime("%H:%M"), android),
    "android-es-12h": (lambda x: f"{x.day}/{x.month}/{x:%y}",
                       lambda x: f"{(x.hour + 11) % 12 + 1}:{x:%M} {'a. m.' if x.hour < 12 else 'p. m.'}",
                       android),
    "android-ymd": (lambda x: x.strftime("%Y-%m-%d"), lambda x: x.strftime("%H:%M"), android),
    "ios-24h-dmy": (lambda x: x.strftime("%d/%m/%Y"), lambda x: x.strftime("%H:%M:%S"),
                    lambda d, t: "[" + d + ", " + t + "] "),
    "ios-12h-mdy": (lambda x: f"{x.month}/{x.day}/{x:%y}",
                    lambda x: f"{(x.hour + 11) % 12 + 1}:{x:%M:%S}{NNBSP}{'AM' if x.hour < 12 else 'PM'}",
                    lambda d, t: "[" + d + ", " + t + "] "),
}

WORDS = ("parcel order tracking arrived where is my box red mug size colour refund photo "
         "label address street postal code delivered thanks please wait customs week "
         "damaged broken missing item seller buyer hello good morning ok").split()
NAMES = ["Anna Schmidt", "Li Wei", "Carlos Pérez", "Иван Петров"]


def body(rng):
    r = rng.random()
    if r < 0.03:
        return "<Media omitted>"
    if r < 0.05:
        return f"IMG-2026{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}-WA{rng.randrange(10000):04d}.jpg (file attached)"
    if r < 0.06:
        return "This message was deleted"
    lines = rng.choice([1, 1, 1, 1, 2, 3])
    return "\n".join(" ".join(rng.choice(WORDS) for _ in range(rng.randrange(2, 14)))
                     for _ in range(lines))


def main():
    fmt, count, out = sys.argv[1], sys.argv[2], sys.argv[3]
    date_f, time_f, header = FORMATS[fmt]
    limit_bytes = int(count[:-2]) * 1_000_000 if count.endswith("MB") else None
    n = None if limit_bytes else int(count)
    rng = random.Random(42)
    t = datetime(2021, 1, 1, 9, 0, 0)
    written = 0
    i = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        while (n is not None and i < n) or (limit_bytes is not None and written < limit_bytes):
            t += timedelta(minutes=rng.randrange(0, 900), seconds=rng.randrange(60) if fmt.startswith("ios") else 0)
            h = header(date_f(t), time_f(t))
            if rng.random() < 0.01 and not fmt.startswith("ios"):
                line = h + "Li Wei added Carlos Pérez\n"
            else:
                line = h + rng.choice(NAMES) + ": " + body(rng) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            i += 1


if __name__ == "__main__":
    main()
