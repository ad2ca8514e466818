#!/usr/bin/env python3
"""Address OCR: field accuracy, verdicts, time added per photo, and comparisons.

Generates (once) a corpus of label photos whose ship-to block is printed in
TrueType fonts (pp-samplegen --ocr-corpus; every fifth photo differs from its
order in one field), then in the same run:
  - parcelproof check --json (OCR on): fields read correctly, false MISMATCH on
    correct labels, deliberate mismatches caught;
  - parcelproof scan with and without OCR (--no-ocr): time added per photo;
  - zbarimg as 2 parallel processes: scan throughput with OCR on vs zbarimg;
  - the tesseract CLI on whole photos (a sample): time and field accuracy.
With --failures, every photo whose field was misread is listed (printed
against read, with confidences); with --dump DIR, those photos are scanned
again with PP_OCR_DUMP=DIR so that the upright block crops OCR read are saved
there as <photo>.pgm to look at.
With --runs N (N > 1), the throughput comparison is repeated N times, scan and
zbarimg alternating, and the median ratio reported beside each run's.
Usage: bench/ocr_bench.py [--build build] [--photos 200] [--megapixels 12] [--cli-sample 20]
                          [--failures] [--dump DIR] [--accuracy-only] [--runs N]
"""
import argparse, json, os, re, resource, subprocess, sys, time, unicodedata

def key(s):
    s = unicodedata.normalize("NFKD", s or "").casefold()
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", s)

def timed(cmd):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.monotonic()
    p = subprocess.run(cmd, capture_output=True)
    wall = time.monotonic() - t
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return wall, cpu, p

def zbar_seconds(files, jobs=2):
    chunks = [files[i::jobs] for i in range(jobs)]
    t = time.monotonic()
    procs = [subprocess.Popen(["zbarimg", "-q"] + c, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) for c in chunks if c]
    for p in procs:
        p.wait()
    return time.monotonic() - t

def tesseract_cli(files, jobs=2):
    """Whole photo, eng+rus, 2 parallel processes. Returns ({file: text}, wall seconds)."""
    out, t = {}, time.monotonic()
    pending = list(files)
    running = []
    while pending or running:
        while pending and len(running) < jobs:
            f = pending.pop(0)
            running.append((f, subprocess.Popen(["tesseract", f, "-", "-l", "eng+rus"],
                                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)))
        f, p = running.pop(0)
        out[f] = p.communicate()[0].decode("utf-8", "replace")
    return out, time.monotonic() - t

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--photos", type=int, default=200)
    ap.add_argument("--megapixels", type=float, default=12)
    ap.add_argument("--cli-sample", type=int, default=20)
    ap.add_argument("--dir", default=None)
    ap.add_argument("--failures", action="store_true")
    ap.add_argument("--dump", default=None)
    ap.add_argument("--runs", type=int, default=1,
                    help="repeat the throughput comparison, alternating, and report the median")
    ap.add_argument("--accuracy-only", action="store_true",
                    help="only check and scan with OCR (no timing comparisons)")
    a = ap.parse_args()
    pp = os.path.join(a.build, "parcelproof")
    d = a.dir or os.path.join(a.build, f"ocr-corpus-{a.photos}-{a.megapixels:g}")
    if not os.path.exists(os.path.join(d, "expected.json")):
        subprocess.run([os.path.join(a.build, "pp-samplegen"), "--out", d, "--ocr-corpus",
                        str(a.photos), "--megapixels", str(a.megapixels), "--threads", "2"],
                       check=True)
    exp = json.load(open(os.path.join(d, "expected.json")))
    photos = exp["photos"]
    files = [os.path.join(d, p["file"]) for p in photos]
    orders = os.path.join(d, "orders.json")

    w_check, c_check, p = timed([pp, "check", "--json", "--jobs", "2", "--order", orders] + files)
    checks = {os.path.basename(c["file"]): c for c in json.loads(p.stdout)["checks"]}
    w_scan, c_scan, p = timed([pp, "scan", "--json", "--jobs", "2"] + files)
    scans = {os.path.basename(s["file"]): s for s in json.loads(p.stdout)["images"]}
    if not a.accuracy_only:
        w_noocr, c_noocr, _ = timed([pp, "scan", "--json", "--jobs", "2", "--no-ocr"] + files)
        w_zbar = zbar_seconds(files)

    fields = ["postal_code", "country", "city", "recipient"]
    correct = {f: 0 for f in fields}
    false_mismatch, caught, deliberate, recipient_warned, recipient_cases = [], 0, 0, 0, 0
    missed = []
    misread = []
    for ph in photos:
        printed = ph["address"]["printed"]
        got = scans[ph["file"]].get("address", {}).get("fields", {})
        bad = []
        for f in fields:
            v = got.get(f, {}).get("value", "")
            if (f == "postal_code" and re.sub(r"[^0-9A-Z]", "", v.upper()) ==
                    re.sub(r"[^0-9A-Z]", "", printed[f].upper())) or \
               (f != "postal_code" and key(v) == key(printed[f]) and v):
                correct[f] += 1
            else:
                bad.append(f"{f} {printed[f]!r} read {v!r} ({got.get(f, {}).get('confidence', 0):.2f})")
        if bad:
            misread.append((ph["file"], bad, scans[ph["file"]].get("address", {})))
        c = checks[ph["file"]]
        m = ph["address"]["mismatch"]
        if m is None and c["verdict"] != "PASS":
            false_mismatch.append((ph["file"], c["verdict"], c["reasons"][-1:]))
        if m in ("postal_code", "city", "country"):
            deliberate += 1
            caught += c["verdict"] == "MISMATCH"
            if c["verdict"] != "MISMATCH":
                missed.append((ph["file"], m, [a for a in c.get("address", []) if a["field"] == m]))
        if m == "recipient":
            recipient_cases += 1
            recipient_warned += any("recipient" in w for w in c["warnings"]) and c["verdict"] == "PASS"
    n = len(photos)
    print(f"corpus: {n} photos of {a.megapixels:g} MP in {d}")
    for f, target in zip(fields, [98, 99, 95, 90]):
        print(f"  {f:12s} read correctly {correct[f]}/{n} ({100.0 * correct[f] / n:.1f}%), target {target}%")
    correct_labels = sum(1 for ph in photos if ph["address"]["mismatch"] is None)
    print(f"  false MISMATCH/UNREADABLE on correct labels: {len(false_mismatch)}/{correct_labels}")
    for fm in false_mismatch[:10]:
        print("    ", fm)
    print(f"  deliberate postal/city/country mismatches caught: {caught}/{deliberate}")
    for mm in missed:
        print("     missed:", mm)
    print(f"  different recipient warned (verdict PASS): {recipient_warned}/{recipient_cases}")
    if a.failures or a.dump:
        print(f"photos with a field misread: {len(misread)}")
        for f, bad, addr in misread:
            print(f"  {f}: " + "; ".join(bad))
            print("     lines: " + " | ".join(addr.get("lines", [])) + "  notes: " +
                  "; ".join(addr.get("notes", [])))
    if a.dump and misread:
        os.makedirs(a.dump, exist_ok=True)
        env = dict(os.environ, PP_OCR_DUMP=os.path.abspath(a.dump))
        subprocess.run([pp, "scan", "--json", "--jobs", "2"] +
                       [os.path.join(d, f) for f, _, _ in misread],
                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"block crops of those photos: {a.dump}/<photo>.pgm")
    if a.accuracy_only:
        return 0
    print(f"time (2 jobs): check {w_check:.1f} s; scan with OCR {w_scan:.1f} s wall, {c_scan:.1f} s CPU; "
          f"scan --no-ocr {w_noocr:.1f} s wall, {c_noocr:.1f} s CPU")
    print(f"  added per photo by OCR: {1000 * (w_scan - w_noocr) / n:.0f} ms wall (2 cores), "
          f"{1000 * (c_scan - c_noocr) / n:.0f} ms CPU")
    print(f"throughput: parcelproof scan (OCR on) {n / w_scan:.2f} photos/s, zbarimg {n / w_zbar:.2f} "
          f"photos/s: {w_zbar / w_scan:.1f}x")
    if a.runs > 1:
        ratios = [w_zbar / w_scan]
        for _ in range(a.runs - 1):
            w, c, _ = timed([pp, "scan", "--json", "--jobs", "2"] + files)
            z = zbar_seconds(files)
            ratios.append(z / w)
            print(f"  again: scan {w:.1f} s wall, {c:.1f} s CPU ({n / w:.2f} photos/s); zbarimg {z:.1f} s "
                  f"({n / z:.2f} photos/s): {z / w:.2f}x")
        ratios.sort()
        print(f"  median of {len(ratios)} runs: {ratios[len(ratios) // 2]:.2f}x "
              f"(from {ratios[0]:.2f}x to {ratios[-1]:.2f}x)")
    sample = photos[: a.cli_sample]
    texts, w_cli = tesseract_cli([os.path.join(d, ph["file"]) for ph in sample])
    hits = {f: 0 for f in fields}
    for ph in sample:
        t = key(texts[os.path.join(d, ph["file"])])
        for f in ["postal_code", "city", "recipient"]:
            hits[f] += key(ph["address"]["printed"][f]) in t
    ocr_ms = 1000 * (w_scan - w_noocr) / n
    print(f"tesseract CLI, whole photo, eng+rus, 2 processes, first {len(sample)} photos: "
          f"{1000 * w_cli / len(sample):.0f} ms per photo wall (parcelproof's OCR step: {ocr_ms:.0f} ms)")
    for f in ["postal_code", "city", "recipient"]:
        ours = sum(1 for ph in sample
                   if key(scans[ph["file"]].get("address", {}).get("fields", {}).get(f, {}).get("value", ""))
                   == key(ph["address"]["printed"][f]))
        print(f"  {f:12s} tesseract CLI text contains it {hits[f]}/{len(sample)}; parcelproof field read {ours}/{len(sample)}")

if __name__ == "__main__":
    sys.exit(main())
