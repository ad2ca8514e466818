#!/usr/bin/env python3
"""Decode rate per hard condition: parcelproof vs zbarimg vs a plain ZXing-cpp read.

Generates `pp-samplegen --hard N` (MaxiCode on UPS-style labels at any angle
and in perspective, dim light with glare bands, small-module PDF417, sheets of
28 EAN-13, inverted DataMatrix trays, small labels in wide dim frames), then in
the same run reads every photo with `parcelproof scan`, `zbarimg` and
bench/zxing_baseline (one ZXing-cpp ReadBarcode per photo, built with
-DPP_BUILD_BENCH=ON), and does the same on the fixture folders with MaxiCode
photos and EAN-13s. A placed barcode counts as read when its exact text is
among a tool's results for the photo.
Usage: bench/hard_labels_bench.py [--build build] [--baseline build-bench/zxing_baseline] [--photos 20]
"""
import argparse, json, os, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(__file__))
from scan_bench import zbar_texts, ours_texts  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "fixtures",
                        "barcodes", "zxing-cpp-v1.4.0")


def baseline_texts(exe, files):
    if not exe or not os.path.exists(exe):
        return None, 0
    t = time.monotonic()
    p = subprocess.run([exe] + files, capture_output=True, text=True, errors="replace")
    secs = time.monotonic() - t
    found = {}
    for line in p.stdout.splitlines():
        d = json.loads(line)
        found[d["file"]] = d["texts"]
    return found, secs


def rate(expected, found, fmt=None):
    want = got = 0
    for f, codes in expected.items():
        for c in codes:
            if fmt and c["format"] != fmt:
                continue
            want += 1
            got += c["text"] in (found or {}).get(f, [])
    return got, want


def cell(got, want):
    return "%d/%d (%.0f%%)" % (got, want, 100.0 * got / want) if want else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--baseline", default="build-bench/zxing_baseline")
    ap.add_argument("--photos", type=int, default=20)
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "pp-hard-bench"))
    a = ap.parse_args()
    cli = os.path.abspath(os.path.join(a.build, "parcelproof"))
    out = os.path.join(a.workdir, "hard-%d" % a.photos)
    os.makedirs(a.workdir, exist_ok=True)
    if not os.path.exists(os.path.join(out, "wide_small", "expected.json")):
        subprocess.run([os.path.join(a.build, "pp-samplegen"), "--out", out, "--hard", str(a.photos),
                        "--threads", "2"], check=True)
    print("| condition | placed | parcelproof | zbarimg | ZXing-cpp single read | parcelproof s/photo |")
    print("|---|---|---|---|---|---|")
    for cond in sorted(os.listdir(out)):
        exp_path = os.path.join(out, cond, "expected.json")
        if not os.path.exists(exp_path):
            continue
        doc = json.load(open(exp_path))
        exp = {os.path.join(out, cond, p["file"]): p["barcodes"] for p in doc["photos"]}
        files = sorted(exp)
        ours, ours_s = ours_texts(cli, files)
        zbar, _ = zbar_texts(files)
        zx, _ = baseline_texts(a.baseline, files)
        fmt = "MaxiCode" if cond == "maxicode" else None
        o, w = rate(exp, ours, fmt)
        z, _ = rate(exp, zbar, fmt)
        x, _ = rate(exp, zx, fmt) if zx is not None else (0, 0)
        print("| %s%s | %d | %s | %s | %s | %.2f |" % (cond, " (MaxiCode only)" if fmt else "", w, cell(o, w),
              cell(z, w), cell(x, w) if zx is not None else "not built", ours_s / len(files)))
    # Fixture folders: phone photos of MaxiCodes (no expected texts: a read
    # counts when it is a MaxiCode) and blurred EAN-13s (expected .txt).
    for folder in ("maxicode-2", "ean13-2", "maxicode-1"):
        d = os.path.join(FIXTURES, folder)
        if not os.path.isdir(d):
            print("| %s | fixture folder absent | | | | |" % folder)
            continue
        files = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith((".png", ".jpg")))
        exp = {}
        for f in files:
            txt = os.path.splitext(f)[0] + ".txt"
            if os.path.exists(txt):
                exp[f] = [{"format": "", "text": open(txt, encoding="utf-8", errors="replace", newline="").read()}]
        ours, _ = ours_texts(cli, files)
        zbar, _ = zbar_texts(files)
        zx, _ = baseline_texts(a.baseline, files)
        if not exp:  # count photos with a structured carrier message read
            def n(found):
                return sum(1 for f in files if any(t.startswith("[)>") for t in (found or {}).get(f, [])))
            print("| fixture %s (MH10.8.3 MaxiCode read) | %d | %d/%d | %d/%d | %s | |" % (
                folder, len(files), n(ours), len(files), n(zbar), len(files),
                "%d/%d" % (n(zx), len(files)) if zx is not None else "not built"))
            continue
        o, w = rate(exp, ours)
        z, _ = rate(exp, zbar)
        x, _ = rate(exp, zx) if zx is not None else (0, 0)
        print("| fixture %s | %d | %s | %s | %s | |" % (folder, w, cell(o, w), cell(z, w),
                                                      cell(x, w) if zx is not None else "not built"))


if __name__ == "__main__":
    main()
