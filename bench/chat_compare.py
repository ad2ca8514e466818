#!/usr/bin/env python3
"""Compares `parcelproof chat --json` with whatsapp-chat-parser's output
message for message: count, date and time, author, text.

chat_compare.py OURS.json NPM.json  -> prints "agree N/N" or the first differences.
NPM.json: [{"date": "YYYY-MM-DDTHH:MM:SS", "author": str|null, "message": str}, ...]
"""
import json
import sys


def main():
    ours = json.load(open(sys.argv[1], encoding="utf-8"))["conversations"][0]["messages"]
    theirs = json.load(open(sys.argv[2], encoding="utf-8"))
    # whatsapp-chat-parser splits the file on line ends, so the file's final
    # newline becomes an empty last line appended to the last message as
    # "\n"; that one artefact is not counted as a difference.
    if theirs and ours and theirs[-1]["message"] == ours[-1]["text"] + "\n":
        theirs[-1]["message"] = ours[-1]["text"]
    diffs = []
    if len(ours) != len(theirs):
        diffs.append(f"count: ours {len(ours)}, npm {len(theirs)}")
    for i, (a, b) in enumerate(zip(ours, theirs)):
        mine = (a["time"], a.get("sender"), a["text"])
        npm = (b["date"], b["author"], b["message"])
        if mine != npm:
            diffs.append(f"message {i}: ours {mine!r} npm {npm!r}")
    agree = min(len(ours), len(theirs)) - sum(1 for d in diffs if d.startswith("message"))
    print(f"agree {agree}/{len(theirs)}" + ("" if not diffs else f", {len(diffs)} difference(s)"))
    for d in diffs[:5]:
        print("  " + d)
    return 0 if not diffs else 1


if __name__ == "__main__":
    sys.exit(main())
