package org.asimov.cli.env;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.asimov.cli.output.Printer;
import org.asimov.core.environment.CapturedEnvironment;
import org.asimov.core.environment.PackageRecord;

/** How the env commands spell environments and packages, in text and in JSON, in one place. */
final class EnvironmentText {
    /** Enough of a fingerprint to tell environments apart on a terminal, like a short git hash. */
    static final int SHORT_FINGERPRINT = 12;

    private EnvironmentText() {
    }

    static String shortFingerprint(String fingerprint) {
        return fingerprint.substring(0, Math.min(SHORT_FINGERPRINT, fingerprint.length()));
    }

    static String interpreter(CapturedEnvironment environment) {
        StringBuilder text = new StringBuilder(environment.type().key()).append(", Python ").append(environment.pythonVersion());
        if (environment.implementation() != null || environment.platform() != null) {
            text.append(" (").append(orUnknown(environment.implementation())).append(", ")
                    .append(orUnknown(environment.platform())).append(')');
        }
        return text.toString();
    }

    /** {@code 1.26.4}, with the build, editable flag and source when there are any. */
    static String install(PackageRecord record) {
        StringBuilder text = new StringBuilder(record.version().isEmpty() ? "(no version)" : record.version());
        if (record.build() != null) {
            text.append(' ').append(record.build());
        }
        if (record.channel() != null) {
            text.append(" [").append(record.channel()).append(']');
        }
        if (record.editable()) {
            text.append(" editable");
        }
        if (record.sourceUrl() != null) {
            text.append(" from ").append(record.sourceUrl());
        }
        return text.toString();
    }

    static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static ObjectNode packageJson(PackageRecord record) {
        ObjectNode node = Printer.object();
        node.put("manager", record.manager()).put("name", record.name()).put("version", record.version())
                .put("build", record.build()).put("channel", record.channel()).put("source_url", record.sourceUrl())
                .put("editable", record.editable());
        return node;
    }

    /** The interpreter properties every env command prints in JSON, with asimov's key names. */
    static void interpreterJson(ObjectNode node, CapturedEnvironment environment) {
        node.put("fingerprint", environment.fingerprint())
                .put("environment_type", environment.type().key())
                .put("python_version", environment.pythonVersion())
                .put("python_sys_version", environment.sysVersion())
                .put("implementation", environment.implementation())
                .put("platform", environment.platform());
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }
}
