# asimov's interpreter probe (InterpreterProbe): run as 'python -B -c <this file's text>', by
# asimov or, for 'env capture', by bin/asimov before the JVM starts. It imports only what is
# cheap, and answers in NUL-separated fields: asimov-probe-1, sys.version, the version,
# the implementation, executable, prefix, base prefix, platform, whether pip reads metadata with
# importlib.metadata ('1' or '0'), then sys.path.
import sys, os, sysconfig
path = list(sys.path)
# -c puts '' first, the counterpart of the working directory that pip's __main__ removes
if path and path[0] in ('', os.getcwd()):
    path.pop(0)

# pip's metadata._should_use_importlib_metadata(). Importing importlib.metadata to read a
# distributor's _PIP_USE_IMPORTLIB_METADATA costs 30 ms, so its source is searched for the name
# first; a .pth file or sitecustomize that sets it has imported the module.
def importlib_for_pip():
    v = os.environ.get('_PIP_USE_IMPORTLIB_METADATA')
    if v is not None and v.lower() in ('y','yes','t','true','on','1','n','no','f','false','off','0'):
        return v.lower() in ('y','yes','t','true','on','1')
    if sys.version_info < (3, 11):
        return False
    metadata = sys.modules.get('importlib.metadata')
    if metadata is None:
        try:
            with open(os.path.join(os.path.dirname(os.__file__), 'importlib', 'metadata', '__init__.py'), 'rb') as f:
                if b'_PIP_USE_IMPORTLIB_METADATA' not in f.read():
                    return True
        except OSError:
            pass
        import importlib.metadata as metadata
    return bool(getattr(metadata, '_PIP_USE_IMPORTLIB_METADATA', True))

# platform.python_version() without importing platform (7 ms, most of it re): the leading word of
# sys.version, with '.0' added to a two-part one, as platform does
version = sys.version.split()[0]
if version.count('.') == 1:
    version += '.0'
fields = ['asimov-probe-1', sys.version, version, sys.implementation.name,
    sys.executable, sys.prefix, getattr(sys, 'base_prefix', sys.prefix), sysconfig.get_platform(),
    '1' if importlib_for_pip() else '0'] + path
sys.stdout.buffer.write('\0'.join(fields).encode('utf-8', 'surrogateescape'))
