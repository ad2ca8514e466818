#!/usr/bin/env python3
"""An independent BagIt (RFC 8493) validator, standard library only.

usage: bagit_validate.py BAG_DIR
Checks bagit.txt (section 2.1.1), the payload directory (2.1.2), every payload
manifest (2.1.3: every payload file listed in each, every listed file present
with the right checksum), every tag manifest (2.2.1), bag-info.txt
Payload-Oxum (2.2.2) and that no manifest path escapes the bag (7.2).
Prints each problem and exits 1 when there is any, 0 when the bag is valid.
"""
import hashlib
import os
import re
import sys

ALGORITHMS = {"md5", "sha1", "sha256", "sha512"}


def decode_path(p):
    return p.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def read_manifest(bag, name, problems):
    entries = {}
    with open(os.path.join(bag, name), "rb") as f:
        text = f.read().decode("utf-8")
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r"^(\S+)[ \t]+(.+)$", line)
        if not m:
            problems.append(f"{name}:{n}: malformed line")
            continue
        path = decode_path(m.group(2))
        norm = os.path.normpath(path)
        if os.path.isabs(path) or norm.startswith("..") or "\\" in path:
            problems.append(f"{name}:{n}: path {path!r} escapes the bag")
            continue
        if path in entries:
            problems.append(f"{name}:{n}: {path} listed twice")
        entries[path] = m.group(1).lower()
    return entries


def file_hash(path, alg):
    h = hashlib.new(alg)
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def check_entries(bag, name, alg, entries, problems):
    for path, digest in sorted(entries.items()):
        full = os.path.join(bag, path)
        if not os.path.isfile(full):
            problems.append(f"{name}: {path} is listed but missing")
        elif file_hash(full, alg) != digest:
            problems.append(f"{name}: {path} checksum mismatch")


def payload_files(bag):
    out = set()
    for root, dirs, files in os.walk(os.path.join(bag, "data")):
        for f in files:
            out.add(os.path.relpath(os.path.join(root, f), bag).replace(os.sep, "/"))
    return out


def check_bagit_txt(bag, problems):
    path = os.path.join(bag, "bagit.txt")
    if not os.path.isfile(path):
        problems.append("bagit.txt is missing")
        return
    lines = open(path, "rb").read().decode("utf-8").splitlines()
    if len(lines) != 2 or not re.match(r"^BagIt-Version: \d+\.\d+$", lines[0]) or \
            not re.match(r"^Tag-File-Character-Encoding: \S+$", lines[1]):
        problems.append("bagit.txt is not the two required lines")


def check_oxum(bag, payload, problems):
    path = os.path.join(bag, "bag-info.txt")
    if not os.path.isfile(path):
        return
    for line in open(path, "rb").read().decode("utf-8").splitlines():
        if line.startswith("Payload-Oxum:"):
            want = line.split(":", 1)[1].strip()
            size = sum(os.path.getsize(os.path.join(bag, p)) for p in payload)
            if want != f"{size}.{len(payload)}":
                problems.append(f"Payload-Oxum {want} but payload is {size}.{len(payload)}")


def validate(bag):
    problems = []
    check_bagit_txt(bag, problems)
    if not os.path.isdir(os.path.join(bag, "data")):
        problems.append("data/ is missing")
        return problems
    payload = payload_files(bag)
    names = sorted(os.listdir(bag))
    manifests = [n for n in names if re.match(r"^manifest-(\w+)\.txt$", n)]
    if not manifests:
        problems.append("no payload manifest")
    for name in manifests:
        alg = re.match(r"^manifest-(\w+)\.txt$", name).group(1)
        if alg not in ALGORITHMS:
            problems.append(f"{name}: unknown algorithm")
            continue
        entries = read_manifest(bag, name, problems)
        for p in sorted(payload - set(entries)):
            problems.append(f"{name}: payload file {p} is not listed")
        for p in entries:
            if not p.startswith("data/"):
                problems.append(f"{name}: {p} is not a payload file")
        check_entries(bag, name, alg, entries, problems)
    for name in names:
        m = re.match(r"^tagmanifest-(\w+)\.txt$", name)
        if not m:
            continue
        entries = read_manifest(bag, name, problems)
        for p in entries:
            if p.startswith("data/"):
                problems.append(f"{name}: lists payload file {p}")
        check_entries(bag, name, m.group(1), entries, problems)
    check_oxum(bag, payload, problems)
    return problems


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    problems = validate(argv[1])
    for p in problems:
        print("INVALID:", p)
    if not problems:
        print("VALID:", argv[1])
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
