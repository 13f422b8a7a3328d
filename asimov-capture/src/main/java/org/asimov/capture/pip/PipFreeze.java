package org.asimov.capture.pip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.asimov.capture.python.PythonStringOrder;
import org.asimov.core.environment.PackageRecord;

/**
 * {@code python -m pip freeze}, natively: reads the installed metadata on a {@code sys.path}
 * and prints what pip's {@code operations/freeze.py} would, byte for byte, without running pip.
 */
public final class PipFreeze {
    private PipFreeze() {
    }

    /**
     * @param sysPath          the interpreter's {@code sys.path}, without the script directory
     * @param pythonMajorMinor e.g. {@code [3, 11]}
     * @param importlibForPip  the interpreter's answer to pip's {@code _should_use_importlib_metadata}
     */
    public static FreezeResult freeze(List<String> sysPath, int[] pythonMajorMinor, boolean importlibForPip) {
        PipInstallation pip = PipInstallation.locate(sysPath).orElse(null);
        PipRules rules = PipRules.of(pythonMajorMinor, importlibForPip,
                pip == null ? null : pip.version(), pip != null && pip.debianPatched());
        return freeze(sysPath, rules);
    }

    public static FreezeResult freeze(List<String> sysPath, PipRules rules) {
        List<String> warnings = new ArrayList<>();
        DistributionFinder finder = rules.importlibBackend()
                ? new ImportlibDistributionFinder(rules)
                : new PkgResourcesDistributionFinder();
        EggLinks eggLinks = EggLinks.on(sysPath);
        // freeze() keys its dict by the canonical metadata name: a later one replaces the value, keeps the slot
        Map<String, Frozen> installations = new LinkedHashMap<>();
        for (InstalledDistribution dist : finder.find(sysPath, warnings)) {
            Frozen frozen = freeze(dist, eggLinks, rules, warnings);
            installations.put(ProjectNames.canonicalize(dist.rawName()), frozen);
        }
        List<Frozen> sorted = new ArrayList<>(installations.values());
        sorted.sort(Comparator.comparing((Frozen f) -> f.dist().rawName().toLowerCase(Locale.ROOT), PythonStringOrder.CODE_POINT));
        StringBuilder text = new StringBuilder(sorted.size() * 24);
        List<PackageRecord> packages = new ArrayList<>(sorted.size());
        for (Frozen frozen : sorted) {
            if (rules.skip().contains(ProjectNames.canonicalize(frozen.dist().rawName()))) {
                continue;
            }
            for (String line : frozen.lines()) {
                text.append(line).append('\n');
            }
            packages.add(frozen.record());
        }
        return new FreezeResult(text.toString(), packages, warnings, rules);
    }

    /** One distribution's freeze lines and its package record. */
    private record Frozen(InstalledDistribution dist, List<String> lines, PackageRecord record) {
    }

    /** pip's {@code FrozenRequirement.from_dist}. */
    private static Frozen freeze(InstalledDistribution dist, EggLinks eggLinks, PipRules rules, List<String> warnings) {
        DirectUrl directUrl = readDirectUrl(dist, warnings);
        Path editableLocation = editableLocation(dist, directUrl, eggLinks, rules);
        if (editableLocation != null) {
            EditableRequirement editable = EditableRequirement.of(editableLocation, dist);
            return new Frozen(dist, editable.lines(),
                    PackageRecord.pip(dist.rawName(), dist.displayVersion(), editable.requirement(), true));
        }
        if (directUrl != null) {
            return new Frozen(dist, List.of(directUrl.asDirectReference(dist.rawName())),
                    PackageRecord.pip(dist.rawName(), dist.displayVersion(), directUrl.sourceUrl(), false));
        }
        return new Frozen(dist, List.of(dist.nameVersion()),
                PackageRecord.pip(dist.rawName(), dist.displayVersion(), null, false));
    }

    private static DirectUrl readDirectUrl(InstalledDistribution dist, List<String> warnings) {
        Path file = dist.directUrlFile();
        if (!Files.isDirectory(dist.infoLocation()) || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return DirectUrl.read(file);
        } catch (DirectUrl.InvalidDirectUrlException | IOException e) {
            warnings.add("ignored " + file + ": " + e.getMessage());
            return null;
        }
    }

    /** pip's {@code editable_project_location}, made absolute and normalised as freeze does. */
    private static Path editableLocation(InstalledDistribution dist, DirectUrl directUrl, EggLinks eggLinks, PipRules rules) {
        String location = null;
        if (directUrl != null) {
            if (directUrl.isLocalEditable()) {
                location = FileUrls.toPath(directUrl.url());
            }
        } else if (eggLinks.existFor(dist.rawName(), rules)) {
            location = dist.location().toString();
        }
        return location == null || location.isEmpty() ? null : Path.of(location).toAbsolutePath().normalize();
    }
}
