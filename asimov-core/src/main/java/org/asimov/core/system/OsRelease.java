package org.asimov.core.system;

/**
 * The operating system as {@code /etc/os-release} names it. Any field may be {@code null}: the
 * file is optional and every key in it is optional.
 *
 * @param id         {@code ID}, e.g. {@code debian}
 * @param name       {@code NAME}, e.g. {@code Debian GNU/Linux}
 * @param versionId  {@code VERSION_ID}, e.g. {@code 12}
 * @param prettyName {@code PRETTY_NAME}, e.g. {@code Debian GNU/Linux 12 (bookworm)}
 */
public record OsRelease(String id, String name, String versionId, String prettyName) {
    public static final OsRelease UNKNOWN = new OsRelease(null, null, null, null);

    /** What people call this system: PRETTY_NAME, else NAME and VERSION_ID, else "unknown". */
    public String displayName() {
        if (prettyName != null) {
            return prettyName;
        }
        if (name != null) {
            return versionId == null ? name : name + " " + versionId;
        }
        return "unknown operating system";
    }
}
