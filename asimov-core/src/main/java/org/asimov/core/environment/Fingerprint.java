package org.asimov.core.environment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of an environment: SHA-256 over a canonical text of what makes it what it is.
 * The timestamp, the capture tool and conda's {@code # created-by} header are left out, so two
 * captures of an unchanged environment give the same fingerprint.
 */
public final class Fingerprint {
    /** Bump when the canonical form changes, so old and new fingerprints never collide. */
    static final String CANONICAL_FORM_VERSION = "asimov-environment-fingerprint/1";

    private Fingerprint() {
    }

    public static String of(InterpreterInfo interpreter, String pipFreeze, String condaExport) {
        StringBuilder canonical = new StringBuilder(pipFreeze.length() + 256)
                .append(CANONICAL_FORM_VERSION).append('\n')
                .append("implementation=").append(interpreter.implementation()).append('\n')
                .append("python=").append(interpreter.version()).append('\n')
                .append("platform=").append(interpreter.platform()).append('\n')
                .append("[pip]\n").append(pipFreeze);
        if (!pipFreeze.isEmpty() && !pipFreeze.endsWith("\n")) {
            canonical.append('\n');
        }
        if (condaExport != null) {
            canonical.append("[conda]\n");
            for (String line : condaExport.split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    canonical.append(line).append('\n');
                }
            }
        }
        return sha256Hex(canonical.toString());
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
