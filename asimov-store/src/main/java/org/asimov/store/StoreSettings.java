package org.asimov.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;

/**
 * Where a results store lives: its directory (blobs, and the H2 database by default) and,
 * for institutional use, the JDBC URL of a PostgreSQL database holding the manifest.
 *
 * @param root the store directory; blobs live in {@code root/objects}
 * @param jdbcUrl {@code null} for the default H2 file database inside {@code root}
 * @param user database user, {@code null} for the driver's default
 * @param password database password, {@code null} for none
 * @param schema the SQL schema holding asimov's tables; {@code null} means {@value #DEFAULT_SCHEMA}
 */
public record StoreSettings(Path root, String jdbcUrl, String user, String password, String schema) {
    public static final String DEFAULT_SCHEMA = "asimov";

    // Quoted by Flyway and Hibernate alike, so keep it to what needs no quoting anywhere.
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public StoreSettings {
        requireNonNull(root, "root is null");
        root = root.toAbsolutePath().normalize();
        if (jdbcUrl != null && jdbcUrl.isBlank()) {
            jdbcUrl = null;
        }
        if (schema == null || schema.isBlank()) {
            schema = DEFAULT_SCHEMA;
        }
        if (!SCHEMA.matcher(schema).matches()) {
            throw new AsimovException(ErrorKind.INVALID_INPUT, "invalid database schema name '" + schema
                    + "': use lower-case letters, digits and '_', starting with a letter or '_'");
        }
        if (jdbcUrl == null && root.toString().indexOf(';') >= 0) {
            // H2 reads ';' in its URL as the start of a setting.
            throw new AsimovException(ErrorKind.INVALID_INPUT, "the store directory " + root
                    + " contains ';', which the embedded H2 database cannot use; choose another directory");
        }
    }

    /** The default: H2 in file mode inside {@code root}, nothing to install. */
    public static StoreSettings h2(Path root) {
        return new StoreSettings(root, null, null, null, null);
    }

    /** Whether the manifest lives in the embedded H2 database inside the store directory. */
    public boolean embedded() {
        return jdbcUrl == null;
    }

    /**
     * The URL the store connects to. For H2, AUTO_SERVER lets a second process on the same
     * store connect through the first one's server instead of failing on the file lock, and
     * WRITE_DELAY=0 writes each commit to the file at once: by default H2 keeps up to a second
     * of committed rows in memory, so a killed process lost puts it had reported as done.
     */
    public String effectiveJdbcUrl() {
        if (jdbcUrl != null) {
            return jdbcUrl;
        }
        return "jdbc:h2:file:" + root.resolve("asimov")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    /** Never prints the password, so settings can be logged. */
    @Override
    public String toString() {
        return "StoreSettings[root=" + root + ", jdbcUrl=" + (jdbcUrl == null ? "(embedded H2)" : jdbcUrl)
                + ", user=" + user + ", password=" + (password == null ? "(none)" : "****")
                + ", schema=" + schema + "]";
    }
}
