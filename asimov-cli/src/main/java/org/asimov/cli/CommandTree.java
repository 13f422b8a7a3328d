package org.asimov.cli;

import static java.util.Objects.requireNonNull;
import static org.asimov.cli.Feature.CAPTURE;
import static org.asimov.cli.Feature.LIFECYCLE;
import static org.asimov.cli.Feature.STORE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.asimov.cli.env.CaptureCommand;
import org.asimov.cli.env.EnvCommand;
import org.asimov.cli.env.EnvDiffCommand;
import org.asimov.cli.env.EnvFindCommand;
import org.asimov.cli.env.EnvListCommand;
import org.asimov.cli.env.EnvRecordCommand;
import org.asimov.cli.env.EnvRestoreCommand;
import org.asimov.cli.env.export.EnvExportCommand;
import org.asimov.cli.env.EnvShowCommand;
import org.asimov.cli.manage.BuildCommand;
import org.asimov.cli.manage.ManageCommand;
import org.asimov.cli.manage.MonitorCommand;
import org.asimov.cli.manage.SubmitCommand;
import org.asimov.cli.production.ProductionCommand;
import org.asimov.cli.production.ResultsCommand;
import org.asimov.cli.project.ApplyCommand;
import org.asimov.cli.project.InitCommand;
import org.asimov.cli.query.QueryCommand;
import org.asimov.cli.quickstart.QuickstartCommand;
import org.asimov.cli.report.ReportCommand;
import org.asimov.cli.report.StatusCommand;
import org.asimov.cli.store.StoreCommand;
import org.asimov.cli.store.StoreFetchCommand;
import org.asimov.cli.store.StoreGcCommand;
import org.asimov.cli.store.StoreListCommand;
import org.asimov.cli.store.StorePutCommand;
import org.asimov.cli.store.StoreStatsCommand;
import org.asimov.cli.store.StoreVerifyCommand;

import picocli.CommandLine;

/**
 * Every command and its subcommands: the one place the tree is written down (the commands'
 * own {@code @Command} annotations name no subcommands).
 *
 * <p>Building a picocli command creates it through Guice and reflects over its options; for all
 * of asimov's commands that costs more than a whole capture. So a run builds, at each level,
 * only the subcommands its arguments name, and all of them only where its arguments name none
 * (help for that level, or a mistyped name that picocli should suggest a correction for). Every
 * argument that spells a command counts, not just the first, so that an option's value that
 * happens to spell one ({@code --project env}) cannot hide the real command: picocli then
 * parses as it would with the whole tree. A bare {@code --version} needs no subcommand and
 * gets none. The injector binds only the commands built and installs only the modules of their
 * {@link Feature}s: an {@code env capture} binds no store and no pipelines.
 */
final class CommandTree {
    /**
     * @param name     the command's {@code @Command} name, written here again so that choosing a
     *                 branch reads no annotations: reading one loads and parses every sibling
     *                 command's (CommandTreeTest checks the two agree)
     * @param features what the command's constructor needs bound beyond {@link CliModule}'s
     *                 (CommandTreeTest builds every command alone, so a missing one fails there)
     */
    private record Node(String name, Class<?> command, Set<Feature> features, List<Node> children) {
        Node {
            requireNonNull(name, "name is null");
            requireNonNull(command, "command is null");
            features = Set.copyOf(features);
            children = List.copyOf(children);
        }
    }

    /** In the order help lists them. */
    private static final Node ROOT = group("asimov", AsimovCommand.class,
            leaf("init", InitCommand.class, STORE),
            leaf("apply", ApplyCommand.class, LIFECYCLE),
            group("manage", ManageCommand.class,
                    leaf("build", BuildCommand.class, LIFECYCLE, CAPTURE),
                    leaf("submit", SubmitCommand.class, LIFECYCLE, CAPTURE)),
            leaf("monitor", MonitorCommand.class, LIFECYCLE, STORE),
            group("report", ReportCommand.class,
                    leaf("status", StatusCommand.class)),
            group("production", ProductionCommand.class,
                    leaf("results", ResultsCommand.class, STORE)),
            group("env", EnvCommand.class,
                    leaf("capture", CaptureCommand.class, CAPTURE),
                    leaf("list", EnvListCommand.class, STORE),
                    leaf("find", EnvFindCommand.class, STORE),
                    leaf("show", EnvShowCommand.class, STORE),
                    leaf("diff", EnvDiffCommand.class, STORE),
                    leaf("record", EnvRecordCommand.class, STORE),
                    leaf("restore", EnvRestoreCommand.class, STORE, CAPTURE),
                    leaf("export", EnvExportCommand.class, STORE)),
            group("store", StoreCommand.class,
                    leaf("put", StorePutCommand.class, STORE),
                    leaf("list", StoreListCommand.class, STORE),
                    leaf("fetch", StoreFetchCommand.class, STORE),
                    leaf("verify", StoreVerifyCommand.class, STORE),
                    leaf("gc", StoreGcCommand.class, STORE),
                    leaf("stats", StoreStatsCommand.class, STORE)),
            leaf("quickstart", QuickstartCommand.class),
            leaf("query", QueryCommand.class, STORE));

    /** The arguments' words; {@code null} for every branch. */
    private final Set<String> words;
    /** Whether a level whose words name none of its children gets all of them (help, a typo to correct). */
    private final boolean allWhenNoneNamed;

    private CommandTree(Set<String> words, boolean allWhenNoneNamed) {
        this.words = words;
        this.allWhenNoneNamed = allWhenNoneNamed;
    }

    /** The whole tree. */
    static CommandTree full() {
        return new CommandTree(null, true);
    }

    /** The branches {@code args} may run; the root alone for a bare {@code --version}. */
    static CommandTree forArguments(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return new CommandTree(Set.of(), false);
        }
        // copyOf, not Set.of: an argument may well come twice (env diff E/A E/A)
        return new CommandTree(Set.copyOf(List.of(args)), true);
    }

    /**
     * The command classes {@link #build} creates, in help's order: what the injector has to
     * bind. Binding only these keeps Guice from reflecting over every other command (and the
     * types their constructors name) on each run.
     */
    Set<Class<?>> commands() {
        Set<Class<?>> commands = new LinkedHashSet<>();
        for (Node node : nodes()) {
            commands.add(node.command());
        }
        return commands;
    }

    /** What the commands {@link #build} creates need bound: the modules the injector has to install. */
    Set<Feature> features() {
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        for (Node node : nodes()) {
            features.addAll(node.features());
        }
        return features;
    }

    /**
     * The command line, built from the root down: each command is added to its parent before its
     * own subcommands are built. picocli copies what a command inherits from the root
     * ({@code --project}, the help options, the usage settings) into it, and into everything
     * below it, when it is added to its parent. Built bottom-up, {@code env} would be added only
     * once {@code capture} is built, and {@code capture} is built only once Guice's injector is
     * (picocli needs its instance, for its {@code @Spec}, mixin and argument group): the copying
     * into {@code env} ran after the injector, with one core idle, 5 ms of a capture's run.
     * From the root down it runs while the injector is still being built.
     */
    CommandLine build(CommandLine.IFactory factory) {
        CommandLine root = new CommandLine(ROOT.command(), factory);
        addBranches(factory, root, ROOT);
        return root;
    }

    /** The nodes {@link #build} creates, in help's order. */
    private List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        collect(ROOT, nodes);
        return nodes;
    }

    private void collect(Node node, List<Node> nodes) {
        nodes.add(node);
        for (Node child : branches(node)) {
            collect(child, nodes);
        }
    }

    private void addBranches(CommandLine.IFactory factory, CommandLine line, Node node) {
        for (Node child : branches(node)) {
            CommandLine childLine = new CommandLine(child.command(), factory);
            line.addSubcommand(childLine);
            addBranches(factory, childLine, child);
        }
    }

    /** The children the words name; when they name none, all of them, or none for a bare --version. */
    private List<Node> branches(Node node) {
        if (words == null) {
            return node.children();
        }
        List<Node> named = new ArrayList<>(); // a loop: a stream's first use costs a cold start milliseconds
        for (Node child : node.children()) {
            if (words.contains(child.name())) {
                named.add(child);
            }
        }
        return named.isEmpty() && allWhenNoneNamed ? node.children() : named;
    }

    private static Node leaf(String name, Class<?> command, Feature... features) {
        return new Node(name, command, Set.of(features), List.of());
    }

    /** A command whose subcommands do the work: it needs nothing of its own. */
    private static Node group(String name, Class<?> command, Node... children) {
        return new Node(name, command, Set.of(), List.of(children));
    }
}
