# Copyright 2026 backorder_reservation developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Move out of Odoo's addons folder every addon that can never be installed here.

The Odoo 11 app wheels ship "bridge" addons whose dependencies live in wheels we do
not install (website_event_sale needs website_event, ...). Odoo imports every addon
that has a static/ folder when its HTTP server starts and dies on those, so they are
moved to the folder given as argument. Running it again moves nothing.
"""
import ast
import os
import shutil
import sys

import odoo.addons


def read_manifests(addons_dir):
    manifests = {}
    for name in sorted(os.listdir(addons_dir)):
        path = os.path.join(addons_dir, name, "__manifest__.py")
        if os.path.isfile(path):
            with open(path) as manifest:
                manifests[name] = ast.literal_eval(manifest.read())
    return manifests


def unavailable_addons(manifests):
    """Addons that are not installable or depend, transitively, on one of those."""
    unavailable = {
        name for name, manifest in manifests.items()
        if not manifest.get("installable", True)
    }
    changed = True
    while changed:
        changed = False
        for name, manifest in manifests.items():
            if name in unavailable:
                continue
            if any(dep not in manifests or dep in unavailable
                   for dep in manifest.get("depends", [])):
                unavailable.add(name)
                changed = True
    return unavailable


def main(target_dir):
    addons_dir = os.path.dirname(odoo.addons.__file__)
    moved = sorted(unavailable_addons(read_manifests(addons_dir)))
    if moved:
        os.makedirs(target_dir, exist_ok=True)
        for name in moved:
            destination = os.path.join(target_dir, name)
            if os.path.exists(destination):
                shutil.rmtree(destination)
            shutil.move(os.path.join(addons_dir, name), destination)
        print("[backorder] moved %d addons with missing dependencies to %s"
              % (len(moved), target_dir), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
