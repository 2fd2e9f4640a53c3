"""nginx (installed by `make services`) accepts the site configuration of deploy/nginx, as
`make cluster` writes it around the site."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from bot.tools.cluster import MAIN_CONF, NGINX_SITE


def test_nginx_accepts_the_site_configuration(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        pytest.fail("nginx is missing: run `make services`")
    snippets = tmp_path / "manufacturing-careers.d"
    snippets.mkdir()
    (snippets / "replicas.conf").write_text("server 127.0.0.1:5101;\nserver 127.0.0.1:5102;\n")
    (snippets / "listen.conf").write_text("listen 127.0.0.1:8080;\n")
    (snippets / "access-log.conf").write_text(f"access_log {tmp_path}/access.log mfg_private;\n")
    (tmp_path / "tmp").mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(MAIN_CONF.format(work=tmp_path, site=NGINX_SITE))
    check = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
