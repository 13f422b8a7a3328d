package org.asimov.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.asimov.cli.Main;

import picocli.CommandLine;

/** Drives the real command line in-process, as main does, and keeps what it printed. */
final class CliRun {
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private CliRun() {
    }

    static Result in(Path project, String... args) {
        List<String> full = new ArrayList<>(List.of("--project", project.toString()));
        full.addAll(List.of(args));
        return run(full.toArray(String[]::new));
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
