package org.asimov.capture.elf;

/**
 * Whose search rules to follow. glibc and musl differ: glibc searches {@code DT_RPATH} (of the
 * object and of every object that loaded it) before {@code LD_LIBRARY_PATH} and ignores RPATH
 * when RUNPATH is present, then RUNPATH, {@code /etc/ld.so.cache}, default directories; musl
 * searches {@code LD_LIBRARY_PATH} first, then RUNPATH-or-RPATH of the object and its loaders,
 * then {@code /etc/ld-musl-ARCH.path} or {@code /lib:/usr/local/lib:/usr/lib}, and has no cache.
 */
public enum LoaderFlavour {
    GLIBC,
    MUSL;

    /** musl's loader is {@code ld-musl-ARCH.so.1}; everything else we meet on Linux is glibc's. */
    public static LoaderFlavour ofInterpreter(String interpreter) {
        return interpreter != null && interpreter.contains("ld-musl-") ? MUSL : GLIBC;
    }
}
