package org.asimov.capture.pip;

import java.util.HashSet;
import java.util.Set;

/**
 * The parts of pip freeze's behaviour that depend on the Python version, on the version of pip
 * installed in the environment, and on distributor patches to that pip.
 *
 * @param importlibBackend        pip reads metadata with importlib.metadata (Python 3.11+ unless the
 *                                distributor opted out) rather than with its vendored pkg_resources
 * @param namesFromInfoDirectory  pip 24.2+: name and version come from the {@code .dist-info} directory name
 * @param eggLinkRawName          pip 24.0+: also looks for {@code <raw name>.egg-link} (setuptools 69 naming)
 * @param skip                    canonical names pip freeze leaves out without {@code --all}
 */
public record PipRules(boolean importlibBackend, boolean namesFromInfoDirectory, boolean eggLinkRawName, Set<String> skip) {
    /** pip's {@code stdlib_pkgs}: packages of the standard library that may carry metadata. */
    private static final Set<String> STDLIB = Set.of("python", "wsgiref", "argparse");

    public PipRules {
        skip = Set.copyOf(skip);
    }

    /**
     * @param pythonMajorMinor   e.g. {@code [3, 11]}
     * @param importlibForPip    what the interpreter says pip would choose (its {@code _should_use_importlib_metadata})
     * @param pipVersion         the version of the pip distribution found first on sys.path, or {@code null}
     *                           when pip is not installed (then the newest rules apply)
     * @param debianPatchedPip   Debian's pip, which also skips {@code pkg-resources}
     */
    public static PipRules of(int[] pythonMajorMinor, boolean importlibForPip, String pipVersion, boolean debianPatchedPip) {
        int[] pip = pipVersion == null ? new int[] {Integer.MAX_VALUE, 0} : leadingNumbers(pipVersion);
        boolean pip232 = atLeast(pip, 23, 2);
        boolean pip242 = atLeast(pip, 24, 2);
        boolean python312 = atLeast(pythonMajorMinor, 3, 12);
        Set<String> skip = new HashSet<>(STDLIB);
        skip.add("pip");
        // pip 23.2 stopped hiding the build backends on Python 3.12, where venvs no longer ship them
        if (!pip232 || !python312) {
            skip.add("setuptools");
            skip.add("distribute");
            skip.add("wheel");
        }
        if (debianPatchedPip) {
            skip.add("pkg-resources");
        }
        return new PipRules(importlibForPip, importlibForPip && pip242, atLeast(pip, 24, 0), skip);
    }

    private static boolean atLeast(int[] version, int major, int minor) {
        return version[0] > major || (version[0] == major && version[1] >= minor);
    }

    /** Major and minor of a version such as {@code 23.2.1} or {@code 24.0b1}. */
    static int[] leadingNumbers(String version) {
        int[] out = new int[2];
        int part = 0;
        int i = 0;
        while (part < 2 && i < version.length()) {
            int start = i;
            while (i < version.length() && Character.isDigit(version.charAt(i))) {
                i++;
            }
            out[part++] = start == i ? 0 : Integer.parseInt(version.substring(start, i));
            if (i >= version.length() || version.charAt(i) != '.') {
                break;
            }
            i++;
        }
        return out;
    }
}
