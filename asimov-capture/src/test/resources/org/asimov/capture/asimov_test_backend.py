"""A minimal in-tree PEP 517/660 build backend for tests: no build dependencies, works offline.

The project is described by project.cfg lines: name=..., version=..., module=...
"""
import base64
import hashlib
import os
import zipfile


def _project():
    cfg = {}
    with open("project.cfg", encoding="utf-8") as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                cfg[k] = v
    return cfg


def _dist_info(cfg):
    return "{}-{}.dist-info".format(cfg["name"].replace("-", "_"), cfg["version"].replace("-", "_"))


def _wheel_name(cfg):
    return "{}-{}-py3-none-any.whl".format(cfg["name"].replace("-", "_"), cfg["version"].replace("-", "_"))


def _metadata(cfg):
    return "Metadata-Version: 2.1\nName: {}\nVersion: {}\n\nA test project.\n".format(cfg["name"], cfg["version"])


def _write(wheel_directory, files):
    cfg = _project()
    name = _wheel_name(cfg)
    info = _dist_info(cfg)
    files = dict(files)
    files[info + "/METADATA"] = _metadata(cfg)
    files[info + "/WHEEL"] = "Wheel-Version: 1.0\nGenerator: asimov-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    record = []
    for path, text in files.items():
        data = text.encode("utf-8")
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append("{},sha256={},{}".format(path, digest, len(data)))
    record.append(info + "/RECORD,,")
    files[info + "/RECORD"] = "\n".join(record) + "\n"
    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w") as zf:
        for path, text in files.items():
            zf.writestr(path, text)
    return name


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    cfg = _project()
    module = cfg["module"]
    return _write(wheel_directory, {module + "/__init__.py": "VERSION = {!r}\n".format(cfg["version"])})


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    cfg = _project()
    return _write(wheel_directory, {"__editable__.{}.pth".format(cfg["module"]): os.path.abspath(".") + "\n"})


def build_sdist(sdist_directory, config_settings=None):
    raise NotImplementedError("tests install from directories, wheels and git")
