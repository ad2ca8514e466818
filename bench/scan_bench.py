#!/usr/bin/env python3
"""Scan throughput, decode rate and peak memory: parcelproof vs zbarimg.

Both tools run in the same run on the same files with the same 2 cores:
parcelproof with its 2 worker processes, zbarimg as 2 parallel processes.
Usage: bench/scan_bench.py [--build build] [--photos 200] [--megapixels 12]
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time
import xml.etree.ElementTree as ET

def run_timed(cmd, **kw):
    t = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, **kw)
    return time.monotonic() - t, p

def peak_rss_kb(cmd):
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True)
    return int(p.stderr.strip().splitlines()[-1])

def zbar_texts(files, jobs=2):
    """Runs zbarimg over files in `jobs` parallel chunks; returns ({file: [texts]}, seconds)."""
    chunks = [files[i::jobs] for i in range(jobs)]
    t = time.monotonic()
    procs = [subprocess.Popen(["zbarimg", "--xml", "-q"] + c, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
             for c in chunks if c]
    outs = [p.communicate()[0] for p in procs]
    secs = time.monotonic() - t
    found = {f: [] for f in files}
    for out in outs:
        text = out.decode("utf-8", "replace")
        if "<barcodes" not in text:
            continue
        root = ET.fromstring(text[text.index("<barcodes"):])
        for src in root.iter():
            if src.tag.endswith("source"):
                name = src.get("href")
                for d in src.iter():
                    if d.tag.endswith("data") and d.text is not None:
                        found.setdefault(name, []).append(d.text)
    return found, secs

def ours_texts(cli, files, jobs=2):
    secs, p = run_timed([cli, "scan", "--json", "--jobs", str(jobs)] + files)
    doc = json.loads(p.stdout)
    return {img["file"]: [b["text"] for b in img.get("barcodes", [])] for img in doc["images"]}, secs

def decode_rate(expected, found):
    want = got = 0
    for f, texts in expected.items():
        want += len(texts)
        got += sum(1 for t in texts if t in found.get(f, []))
    return got, want

def per_photo_ms(cmd_for, files):
    times = []
    for f in files:
        secs, _ = run_timed(cmd_for(f))
        times.append(secs * 1000)
    return statistics.median(times)

def corpus(build, outdir, n, mp):
    if not os.path.exists(os.path.join(outdir, "expected.json")):
        subprocess.run([os.path.join(build, "pp-samplegen"), "--out", outdir, "--corpus", str(n),
                        "--megapixels", str(mp), "--threads", "2"], check=True)
    exp = json.load(open(os.path.join(outdir, "expected.json")))
    return {os.path.join(outdir, p["file"]): [b["text"] for b in p["barcodes"]] for p in exp["photos"]}

def tracking_texts(outdir):
    exp = json.load(open(os.path.join(outdir, "expected.json")))
    return {os.path.join(outdir, p["file"]): [b["text"] for b in p["barcodes"] if b.get("role") == "tracking"]
            for p in exp["photos"]}

def fixture_rows(cli):
    root = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "fixtures", "barcodes", "zxing-cpp-v1.4.0")
    rows = []
    if not os.path.isdir(root):
        return rows
    for folder in sorted(os.listdir(root)):
        d = os.path.join(root, folder)
        files = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith((".png", ".jpg")))
        exp = {}
        for f in files:
            base = os.path.splitext(f)[0]
            exp[f] = [open(base + ".txt", encoding="utf-8", errors="replace", newline="").read()] if os.path.exists(base + ".txt") else []
        ours, _ = ours_texts(cli, files)
        zbar, _ = zbar_texts(files)
        if folder.startswith("falsepositives"):
            rows.append((folder, len(files), "false reads %d" % sum(len(v) for v in ours.values()),
                         "false reads %d" % sum(len(v) for v in zbar.values())))
            continue
        o, w = decode_rate(exp, ours)
        z, _ = decode_rate(exp, zbar)
        rows.append((folder, len(files), "%d/%d" % (o, w), "%d/%d" % (z, w)))
    return rows

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--photos", type=int, default=200)
    ap.add_argument("--megapixels", type=float, default=12)
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "pp-scan-bench"))
    a = ap.parse_args()
    cli = os.path.abspath(os.path.join(a.build, "parcelproof"))
    os.makedirs(a.workdir, exist_ok=True)
    cdir = os.path.join(a.workdir, "corpus-%d-%gmp" % (a.photos, a.megapixels))
    exp = corpus(a.build, cdir, a.photos, a.megapixels)
    files = sorted(exp)
    print("corpus: %d photos at %g MP in %s" % (len(files), a.megapixels, cdir))

    ours, ours_s = ours_texts(cli, files)
    zbar, zbar_s = zbar_texts(files)
    og, ow = decode_rate(exp, ours)
    zg, _ = decode_rate(exp, zbar)
    sample = files[: min(20, len(files))]
    ours_med = per_photo_ms(lambda f: [cli, "scan", "--json", "--jobs", "1", f], sample)
    zbar_med = per_photo_ms(lambda f: ["zbarimg", "-q", f], sample)
    print("\n| tool | photos/s (2 cores) | median ms/photo (one process) | barcodes found | labels with tracking read |")
    print("|---|---|---|---|---|")
    tracking = tracking_texts(cdir)
    def tracking_read(found):
        return sum(1 for f, texts in tracking.items() if any(t in found.get(f, []) for t in texts))
    print("| parcelproof scan | %.2f | %.0f | %d/%d (%.1f%%) | %d/%d |" % (len(files) / ours_s, ours_med, og, ow, 100.0 * og / ow, tracking_read(ours), len(files)))
    print("| zbarimg | %.2f | %.0f | %d/%d (%.1f%%) | %d/%d |" % (len(files) / zbar_s, zbar_med, zg, ow, 100.0 * zg / ow, tracking_read(zbar), len(files)))
    print("\nthroughput ratio parcelproof/zbarimg: %.1fx; median latency ratio zbarimg/parcelproof: %.1fx" % (zbar_s / ours_s, zbar_med / ours_med))

    big_dir = os.path.join(a.workdir, "corpus-1-50mp")
    big = sorted(corpus(a.build, big_dir, 1, 50))
    rss = peak_rss_kb([cli, "scan", "--json"] + big)
    print("\npeak memory, one 50-MP photo: %.0f MB (parcelproof scan, all processes)" % (rss / 1024))

    rows = fixture_rows(cli)
    if rows:
        print("\n| fixture folder | images | parcelproof | zbarimg |")
        print("|---|---|---|---|")
        for r in rows:
            print("| %s | %d | %s | %s |" % r)

if __name__ == "__main__":
    main()
