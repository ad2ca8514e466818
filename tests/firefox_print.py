#!/usr/bin/env python3
"""Prints a page to PDF in headless Firefox, and screenshots it.

Firefox has no --print-to-pdf switch; its remote protocol (Marionette, the
one geckodriver speaks to) has WebDriver:Print, which prints as the print
dialog does and returns the PDF. This script starts firefox-esr headless with
a fresh profile (no network: a dead proxy, no updates or telemetry), opens
URL, saves a full-page screenshot and prints to PDF at 100% (no shrink to
fit, so a column that does not fit is cut, as the issue saw), then quits.

usage: firefox_print.py URL PROFILE_DIR PNG PAPER=PDF...
  PAPER: A4 or letter, e.g. A4=out-a4.pdf letter=out-letter.pdf (one browser
  start for all). Exit 0 on success; on failure a one-line reason on stderr
  and exit 1.
"""
import base64
import json
import os
import socket
import subprocess
import sys
import time

PAPERS = {"A4": (21.0, 29.7), "letter": (21.59, 27.94)}  # cm
PREFS = {
    "marionette.port": 0,  # any free port, written to MarionetteActivePort
    "network.proxy.type": 1,
    "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": 9,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": 9,
    "app.update.enabled": False,
    "app.update.auto": False,
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "extensions.update.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "browser.aboutwelcome.enabled": False,
    "browser.startup.page": 0,
    "browser.startup.homepage": "about:blank",
    "startup.homepage_welcome_url": "about:blank",
    "browser.newtabpage.enabled": False,
    "app.normandy.enabled": False,
    "messaging-system.rsexperimentloader.enabled": False,
    "nimbus.rsexperimentloader.enabled": False,
    "services.settings.server": "data:,#remote-settings-disabled",
    "browser.region.network.url": "",
    "browser.search.update": False,
    "datareporting.healthreport.uploadEnabled": False,
    "browser.sessionstore.resume_from_crash": False,
    "browser.backup.enabled": False,
    "browser.backup.scheduled.enabled": False,
}


class Marionette:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        self.buf = b""
        self.next_id = 1
        self._read()  # the server's hello

    def _read(self):
        while b":" not in self.buf:
            self._recv()
        head, _, self.buf = self.buf.partition(b":")
        size = int(head)
        while len(self.buf) < size:
            self._recv()
        body, self.buf = self.buf[:size], self.buf[size:]
        return json.loads(body)

    def _recv(self):
        chunk = self.sock.recv(1 << 20)
        if not chunk:
            raise RuntimeError("Marionette closed the connection")
        self.buf += chunk

    def call(self, name, params=None):
        msg_id = self.next_id
        self.next_id += 1
        data = json.dumps([0, msg_id, name, params or {}]).encode()
        self.sock.sendall(str(len(data)).encode() + b":" + data)
        while True:
            reply = self._read()
            if reply[0] == 1 and reply[1] == msg_id:
                break
        if reply[2]:
            raise RuntimeError("%s: %s" % (name, reply[2].get("message", reply[2])))
        return reply[3]


def start(profile):
    os.makedirs(profile, exist_ok=True)
    with open(os.path.join(profile, "user.js"), "w") as f:
        for k, v in PREFS.items():
            f.write("user_pref(%s, %s);\n" % (json.dumps(k), json.dumps(v)))
    env = dict(os.environ, MOZ_HEADLESS="1", MOZ_CRASHREPORTER_DISABLE="1")
    log_path = os.path.join(profile, "firefox.log")
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            ["firefox-esr", "--headless", "--marionette", "--no-remote", "--profile", profile],
            stdout=log, stderr=subprocess.STDOUT, env=env)
    port_file = os.path.join(profile, "MarionetteActivePort")
    for _ in range(600):
        if os.path.exists(port_file):
            text = open(port_file).read().strip()
            if text:
                return proc, int(text)
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.kill()
    with open(log_path, errors="replace") as log:
        raise RuntimeError("firefox-esr did not open its Marionette port: " + log.read()[-500:])


def main():
    jobs = [a.split("=", 1) for a in sys.argv[4:]]
    if len(sys.argv) < 5 or any(len(j) != 2 or j[0] not in PAPERS for j in jobs):
        sys.stderr.write(__doc__)
        return 2
    url, profile, png = sys.argv[1:4]
    proc, port = start(profile)
    try:
        m = Marionette(port)
        m.call("WebDriver:NewSession", {"capabilities": {"pageLoadStrategy": "normal"}})
        m.call("WebDriver:SetWindowRect", {"width": 1280, "height": 1000})
        m.call("WebDriver:Navigate", {"url": url})
        shot = m.call("WebDriver:TakeScreenshot", {"full": True})["value"]
        with open(png, "wb") as f:
            f.write(base64.b64decode(shot))
        for paper, pdf in jobs:
            width, height = PAPERS[paper]
            printed = m.call("WebDriver:Print", {
                "page": {"width": width, "height": height},
                "background": True, "shrinkToFit": False, "scale": 1.0,
                "orientation": "portrait"})["value"]
            with open(pdf, "wb") as f:
                f.write(base64.b64decode(printed))
        try:
            m.call("Marionette:Quit", {"flags": ["eForceQuit"]})
        except (RuntimeError, OSError):
            pass
        proc.wait(timeout=30)
    except (RuntimeError, OSError, ValueError, subprocess.TimeoutExpired) as e:
        sys.stderr.write("firefox_print: %s\n" % e)
        proc.kill()
        return 1
    finally:
        if proc.poll() is None:
            proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
