package org.asimov.cli;

import org.asimov.core.AsimovVersion;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    // picocli asks for the version every time it adds a subcommand (they inherit it), so it is
    // read from a property: Runtime.version()'s text, the same, is built with streams, which a
    // cold JVM pays about 1 ms for on 'env capture's way.
    @Override
    public String[] getVersion() {
        return new String[] {"asimov (Java) " + AsimovVersion.VERSION,
                "Java " + System.getProperty("java.runtime.version") + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }
}
