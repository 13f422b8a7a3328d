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
    void aMistypedCommandIsStillCorrected() {
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine("stor", "list");
        line.setErr(new PrintWriter(err, true));
        assertThat(line.execute("stor", "list")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument").contains("store");
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
