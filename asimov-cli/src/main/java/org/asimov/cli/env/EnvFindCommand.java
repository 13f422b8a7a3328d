package org.asimov.cli.env;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.cli.ProjectLocator;
import org.asimov.cli.output.Printer;
import org.asimov.cli.store.ProjectStoreFactory;
import org.asimov.core.environment.PackageNames;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.asimov.store.Store;
import org.asimov.store.environment.PackageUse;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "find", description = {"List the analyses whose recorded environment had a package.",
        "NAME, or NAME==VERSION for one version. Names match as pip matches them "
                + "(case, '-', '_' and '.' do not matter): LALSuite finds "
                + "lalsuite."})
public final class EnvFindCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME[==VERSION]")
    String requirement;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    private final ProjectLocator locator;
    private final ProjectStoreFactory stores;

    @Inject
    EnvFindCommand(ProjectLocator locator, ProjectStoreFactory stores) {
        this.locator = requireNonNull(locator, "locator is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public Integer call() {
        int split = requirement.indexOf("==");
        String name = (split < 0 ? requirement : requirement.substring(0, split)).strip();
        String version = split < 0 ? null : requirement.substring(split + 2).strip();
        if (name.isEmpty() || (version != null && version.isEmpty())) {
            throw new AsimovException(ErrorKind.USAGE, "'" + requirement + "' is not NAME or NAME==VERSION, e.g. lalsuite==7.11");
        }
        List<PackageUse> uses;
        try (Store store = stores.openStore(locator.project())) {
            uses = store.environments().find(name, version);
        }
        Printer printer = new Printer(spec);
        String asked = PackageNames.canonical(name) + (version == null ? "" : "==" + version);
        long environments = uses.stream().map(PackageUse::fingerprint).distinct().count();
        if (json) {
            ObjectNode root = Printer.object().put("name", PackageNames.canonical(name)).put("version", version)
                    .put("environments", environments);
            ArrayNode items = root.putArray("analyses");
            for (PackageUse use : uses) {
                items.addObject().put("event", use.event()).put("analysis", use.analysis()).put("phase", use.phase())
                        .put("manager", use.manager()).put("package", use.rawName()).put("version", use.version())
                        .put("fingerprint", use.fingerprint());
            }
            printer.json(root);
            return 0;
        }
        if (uses.isEmpty()) {
            printer.line("No recorded environment has " + asked + ".");
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"EVENT", "ANALYSIS", "PHASE", "MANAGER", "PACKAGE", "VERSION", "ENVIRONMENT"});
        for (PackageUse use : uses) {
            rows.add(new String[] {use.event(), use.analysis(), use.phase(), use.manager(), use.rawName(),
                    use.version().isEmpty() ? "-" : use.version(), EnvironmentText.shortFingerprint(use.fingerprint())});
        }
        printer.table(rows);
        long analyses = uses.stream().map(u -> u.event() + "/" + u.analysis()).distinct().count();
        printer.line(asked + ": " + analyses + (analyses == 1 ? " analysis" : " analyses") + " in " + environments
                + (environments == 1 ? " environment" : " environments"));
        return 0;
    }
}
