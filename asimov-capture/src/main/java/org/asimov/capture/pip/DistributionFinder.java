package org.asimov.capture.pip;

import java.util.List;

/**
 * Lists the distributions on a {@code sys.path} the way one of pip's metadata backends does:
 * in pip's iteration order, the first distribution per name only, invalid names dropped.
 */
public interface DistributionFinder {
    /**
     * @param sysPath  the interpreter's {@code sys.path} without the script directory entry
     * @param warnings receives a line for everything skipped or unreadable
     */
    List<InstalledDistribution> find(List<String> sysPath, List<String> warnings);
}
