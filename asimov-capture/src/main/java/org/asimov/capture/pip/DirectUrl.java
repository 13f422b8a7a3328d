package org.asimov.capture.pip;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * PEP 610 {@code direct_url.json}, validated the way pip's {@code models/direct_url.py} validates
 * it (a file pip rejects is one pip treats as absent, and so do we).
 *
 * @param url          the URL the distribution was installed from
 * @param subdirectory the project's subdirectory inside the URL, or {@code null}
 * @param kind         which one of {@code archive_info}, {@code dir_info}, {@code vcs_info} is present
 * @param vcs          {@code vcs_info.vcs}, for VCS installs
 * @param commitId     {@code vcs_info.commit_id}, for VCS installs
 * @param archiveHash  {@code archive_info.hash} ({@code algo=value}), the one pip freeze prints, or {@code null}
 * @param editable     {@code dir_info.editable}
 */
public record DirectUrl(
        String url,
        String subdirectory,
        Kind kind,
        String vcs,
        String commitId,
        String archiveHash,
        boolean editable) {
    public static final String FILE_NAME = "direct_url.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public enum Kind { ARCHIVE, DIR, VCS }

    public DirectUrl {
        requireNonNull(url, "url is null");
        requireNonNull(kind, "kind is null");
        if (kind == Kind.VCS && (vcs == null || commitId == null)) {
            throw new IllegalArgumentException("a VCS direct URL needs vcs and commit_id");
        }
    }

    /** Thrown for a direct_url.json pip would refuse; pip logs a warning and ignores the file. */
    public static final class InvalidDirectUrlException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidDirectUrlException(String message) {
            super(message);
        }
    }

    public static DirectUrl read(Path file) throws IOException, InvalidDirectUrlException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static DirectUrl parse(String json) throws InvalidDirectUrlException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidDirectUrlException("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDirectUrlException("not a JSON object");
        }
        String url = requiredText(root, "url");
        String subdirectory = optionalText(root, "subdirectory");
        JsonNode archive = optionalObject(root, "archive_info");
        JsonNode dir = optionalObject(root, "dir_info");
        JsonNode vcsInfo = optionalObject(root, "vcs_info");
        int present = (archive != null ? 1 : 0) + (dir != null ? 1 : 0) + (vcsInfo != null ? 1 : 0);
        if (present == 0) {
            throw new InvalidDirectUrlException("missing one of archive_info, dir_info, vcs_info");
        }
        if (present > 1) {
            throw new InvalidDirectUrlException("more than one of archive_info, dir_info, vcs_info");
        }
        if (vcsInfo != null) {
            String vcs = requiredText(vcsInfo, "vcs");
            String commitId = requiredText(vcsInfo, "commit_id");
            optionalText(vcsInfo, "requested_revision");
            return new DirectUrl(url, subdirectory, Kind.VCS, vcs, commitId, null, false);
        }
        if (archive != null) {
            String hash = optionalText(archive, "hash");
            optionalObject(archive, "hashes");
            if (hash != null && hash.indexOf('=') < 0) {
                throw new InvalidDirectUrlException("invalid archive_info.hash format: " + hash);
            }
            return new DirectUrl(url, subdirectory, Kind.ARCHIVE, null, null, hash, false);
        }
        JsonNode editable = dir.get("editable");
        if (editable != null && !editable.isBoolean()) {
            throw new InvalidDirectUrlException("editable must be a boolean");
        }
        return new DirectUrl(url, subdirectory, Kind.DIR, null, null, null, editable != null && editable.booleanValue());
    }

    public boolean isLocalEditable() {
        return kind == Kind.DIR && editable;
    }

    /** pip's {@code direct_url_as_pep440_direct_reference}: {@code name @ url[#fragments]}. */
    public String asDirectReference(String name) {
        StringBuilder requirement = new StringBuilder(name).append(" @ ");
        if (kind == Kind.VCS) {
            requirement.append(vcs).append('+').append(url).append('@').append(commitId);
        } else {
            requirement.append(url);
        }
        String fragments = null;
        if (kind == Kind.ARCHIVE && archiveHash != null && !archiveHash.isEmpty()) {
            fragments = archiveHash;
        }
        if (subdirectory != null && !subdirectory.isEmpty()) {
            String sub = "subdirectory=" + subdirectory;
            fragments = fragments == null ? sub : fragments + "&" + sub;
        }
        if (fragments != null) {
            requirement.append('#').append(fragments);
        }
        return requirement.toString();
    }

    /** Where the distribution came from, for package records: the URL, with {@code vcs+} and the commit for VCS installs. */
    public String sourceUrl() {
        return kind == Kind.VCS ? vcs + "+" + url + "@" + commitId : url;
    }

    private static String requiredText(JsonNode node, String key) throws InvalidDirectUrlException {
        String value = optionalText(node, key);
        if (value == null) {
            throw new InvalidDirectUrlException(key + " must have a value");
        }
        return value;
    }

    /** pip's {@code _get}: an absent key is None, a present key of the wrong type (null included) is an error. */
    private static String optionalText(JsonNode node, String key) throws InvalidDirectUrlException {
        JsonNode value = node.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidDirectUrlException(key + " has unexpected type (expected str)");
        }
        return value.textValue();
    }

    private static JsonNode optionalObject(JsonNode node, String key) throws InvalidDirectUrlException {
        JsonNode value = node.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidDirectUrlException(key + " has unexpected type (expected dict)");
        }
        return value;
    }
}
