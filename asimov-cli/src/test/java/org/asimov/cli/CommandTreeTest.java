package org.asimov.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class CommandTreeTest {
    @Test
    void aRunBuildsOnlyTheBranchItsArgumentsName() {
        CommandLine line = Main.commandLine("env", "capture", "--python", "python3");
        assertThat(line.getSubcommands()).containsOnlyKeys("env");
        assertThat(line.getSubcommands().get("env").getSubcommands()).containsOnlyKeys("capture");
    }

    @Test
    void aRunInstallsOnlyTheModulesOfTheCommandsItBuilds() {
        assertThat(CommandTree.forArguments("env", "capture", "--python", "python3").features())
                .containsExactly(Feature.CAPTURE);
        assertThat(CommandTree.forArguments("store", "list").features()).containsExactly(Feature.STORE);
        assertThat(CommandTree.forArguments("report", "status").features()).isEmpty();
        assertThat(CommandTree.forArguments("--version").features()).isEmpty();
        assertThat(CommandTree.full().features()).containsExactlyInAnyOrder(Feature.values());
    }

    @Test
    void aLevelWhoseArgumentsNameNoSubcommandGetsThemAll() {
        assertThat(Main.commandLine("--help").getSubcommands()).containsOnlyKeys(topLevel());
        assertThat(Main.commandLine("env", "--help").getSubcommands().get("env").getSubcommands())
                .containsOnlyKeys(Main.commandLine().getSubcommands().get("env").getSubcommands().keySet());
    }

    @Test
    void anOptionValueThatSpellsACommandDoesNotHideTheRealOne() {
        CommandLine line = Main.commandLine("--project", "env", "store", "list");
        assertThat(line.getSubcommands()).containsOnlyKeys("env", "store");
        assertThat(line.getSubcommands().get("store").getSubcommands()).containsKey("list");
    }

    @Test
    void anArgumentGivenTwiceIsParsedAsUsual() {
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine("env", "diff", "nowhere", "nowhere");
        line.setErr(new PrintWriter(err, true));
        // a usage error or a missing record, in asimov's words: not an internal error
        assertThat(line.execute("env", "diff", "nowhere", "nowhere")).isNotEqualTo(70).isNotZero();
        assertThat(err.toString()).doesNotContain("internal error").doesNotContain("duplicate element");
    }

    @Test
    void aBareVersionBuildsTheRootAlone() {
        for (String flag : new String[] {"--version", "-V"}) {
            StringWriter out = new StringWriter();
            CommandLine line = Main.commandLine(flag);
            assertThat(line.getSubcommands()).isEmpty();
            line.setOut(new PrintWriter(out, true));
            assertThat(line.execute(flag)).isZero();
            assertThat(out.toString()).startsWith("asimov (Java) ");
        }
        assertThat(Main.commandLine("--version", "--help").getSubcommands()).containsOnlyKeys(topLevel());
    }

    @Test
    void aMistypedCommandIsStillCorrected() {
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine("stor", "list");
        line.setErr(new PrintWriter(err, true));
        assertThat(line.execute("stor", "list")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument").contains("store");
    }

    /** The tree's names agree with the @Command names: a run of each command builds its branch alone. */
    @Test
    void everyCommandIsFoundByItsOwnName() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        for (List<String> path : paths) {
            CommandLine line = Main.commandLine(path.toArray(String[]::new));
            for (String name : path) {
                assertThat(line.getSubcommands()).as(path.toString()).containsOnlyKeys(name);
                line = line.getSubcommands().get(name);
            }
        }
    }

    /** Every command, built alone as a run of it builds it, prints its own help. */
    @Test
    void everyCommandBuiltAloneHasItsHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(25);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            StringWriter out = new StringWriter();
            CommandLine line = Main.commandLine(args.toArray(String[]::new));
            line.setOut(new PrintWriter(out, true));
            assertThat(line.execute(args.toArray(String[]::new))).as(path.toString()).isZero();
            assertThat(out.toString()).as(path.toString()).startsWith("Usage: asimov " + String.join(" ", path));
        }
    }

    /**
     * What a command inherits from the root (--project, the help options) is copied into it when
     * it is added to its parent: every command, built alone as a run builds it, has it, and its
     * help is the same as in the whole tree.
     */
    @Test
    void everyCommandBuiltAloneInheritsWhatTheRootGives() {
        CommandLine whole = Main.commandLine();
        List<List<String>> paths = new ArrayList<>();
        collect(whole, new ArrayList<>(), paths);
        for (List<String> path : paths) {
            CommandLine alone = Main.commandLine(path.toArray(String[]::new));
            CommandLine inWhole = whole;
            for (String name : path) {
                alone = alone.getSubcommands().get(name);
                inWhole = inWhole.getSubcommands().get(name);
            }
            for (String inherited : new String[] {"--project", "--help", "--version"}) {
                assertThat(alone.getCommandSpec().findOption(inherited)).as(path + " " + inherited).isNotNull();
            }
            assertThat(alone.getUsageMessage()).as(path.toString()).isEqualTo(inWhole.getUsageMessage());
        }
    }

    /**
     * Help reads well at 80 columns: picocli wraps each description string by itself, so a
     * string that is too long must be a whole paragraph (what follows it starts a new one or a
     * list), and an indented list line must fit as it is.
     */
    @Test
    void helpTextIsWrittenInParagraphsThatWrapAt80Columns() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        List<String> problems = new ArrayList<>();
        for (List<String> path : paths) {
            CommandLine line = Main.commandLine(path.toArray(String[]::new));
            for (String name : path) {
                line = line.getSubcommands().get(name);
            }
            CommandLine.Model.CommandSpec spec = line.getCommandSpec();
            String[] description = spec.usageMessage().description();
            // the first line is the summary the parent's command list shows: one short sentence
            if (description.length > 0 && (description[0].length() > 80 || description[0].contains(". "))) {
                problems.add(path + ": a summary of more than one short sentence: " + description[0]);
            }
            check(path + " description", description, problems);
            check(path + " footer", spec.usageMessage().footer(), problems);
            spec.options().forEach(option -> check(path + " " + option.longestName(), option.description(), problems));
        }
        assertThat(problems).isEmpty();
    }

    private static void check(String where, String[] lines, List<String> problems) {
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i];
            boolean indented = !text.isEmpty() && Character.isWhitespace(text.charAt(0));
            if (indented && text.length() > 78) {
                problems.add(where + ": a list line longer than 78 characters: " + text);
            }
            boolean nextStartsAnew = i + 1 == lines.length || lines[i + 1].isEmpty()
                    || Character.isWhitespace(lines[i + 1].charAt(0));
            boolean endsASentence = text.endsWith(".") || text.endsWith(".)");
            if (!indented && text.length() > 76 && !nextStartsAnew && !endsASentence) {
                problems.add(where + ": a line broken by hand before it wraps: " + text + " / " + lines[i + 1]);
            }
        }
    }

    private static String[] topLevel() {
        return Main.commandLine().getSubcommands().keySet().toArray(String[]::new);
    }

    private static void collect(CommandLine line, List<String> path, List<List<String>> paths) {
        for (Map.Entry<String, CommandLine> child : line.getSubcommands().entrySet()) {
            List<String> childPath = new ArrayList<>(path);
            childPath.add(child.getKey());
            paths.add(childPath);
            collect(child.getValue(), childPath, paths);
        }
    }
}
