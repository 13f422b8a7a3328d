package org.asimov.core;

/** The version of this implementation, written into new ledgers and shown by --version. */
public final class AsimovVersion {
    public static final String VERSION = "0.1.0";

    private AsimovVersion() {
    }
}
