package org.asimov.core.restore;

/** Made-up records, as environment.json and its sibling files would hold them. */
final class TestingRecords {
    static final String PIP = """
            alpha==0.1.0
            Legacy===1.0-foo
            pkg @ https://example.org/pkg-1.0.tar.gz#sha256=abc123
            tool @ git+https://example.org/tool.git@0123456789abcdef
            # Editable install with no version control (mine==0.2)
            -e /home/me/mine
            wheelish @ file:///tmp/wheelish-1.0-py3-none-any.whl
            """;

    private TestingRecords() {
    }

    /** environment.json; {@code os} is {@code "id", "version_id"} or nothing for no system part. */
    static String metadata(String type, String version, String executable, String... os) {
        String system = os.length == 0 ? ""
                : ", \"system\": {\"os\": {\"id\": \"" + os[0] + "\", \"version_id\": \"" + os[1]
                        + "\", \"pretty_name\": \"" + os[0] + " " + os[1] + "\"}}";
        return "{\"timestamp\": \"2024-03-01T10:15:30+00:00\", \"environment_type\": \"" + type + "\","
                + " \"python_version\": \"" + version + " (main) [GCC 12.2.0]\", \"python_executable\": \"" + executable + "\","
                + " \"interpreter\": {\"version\": \"" + version + "\", \"implementation\": \"cpython\", \"platform\": \"linux-x86_64\"}"
                + system + "}";
    }

    static RestoreSource source(String type, String version, String executable, String pip, String conda, String systemText,
            String... os) {
        return RestoreSource.parse("GW150914/prod0", metadata(type, version, executable, os), pip, conda, systemText);
    }
}
