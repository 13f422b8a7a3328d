package org.asimov.capture.conda;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The channel a conda record came from, as conda's {@code Channel.canonical_name} names it with
 * the default configuration: {@code conda-forge} for {@code https://conda.anaconda.org/conda-forge/…},
 * {@code defaults} for {@code https://repo.anaconda.com/pkgs/main} and {@code pkgs/r} (as on
 * Linux and macOS), {@code pkgs/pro} for that custom channel, and the base URL (credentials and
 * token removed) for any other server; checked against conda's {@code Channel.canonical_name}. Records store either a URL
 * ({@code channel}, newer conda) or a short name ({@code schannel}, older conda); with neither,
 * the package {@code url} tells.
 */
public final class CondaChannelName {
    private static final String CHANNEL_ALIAS_HOST = "conda.anaconda.org";
    private static final String DEFAULTS_HOST = "repo.anaconda.com";
    /** conda's {@code DEFAULT_CHANNELS_UNIX}: the members of the {@code defaults} multichannel. */
    private static final Set<String> DEFAULTS_PATHS = Set.of("pkgs/main", "pkgs/r");
    /** conda's {@code DEFAULT_CUSTOM_CHANNELS}: named by their path. */
    private static final String CUSTOM_CHANNEL = "pkgs/pro";
    /** conda's spellings of "no channel" ({@code Channel.from_value}). */
    private static final Set<String> UNKNOWN = Set.of("", "<unknown>", "None:///<unknown>", "None");
    private static final Pattern URL = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://(?:[^/@]*@)?([^/]*)(/.*)?$");
    private static final Pattern TOKEN = Pattern.compile("^/t/[^/]+");

    private final CondaSubdirs subdirs;

    @Inject
    public CondaChannelName(CondaSubdirs subdirs) {
        this.subdirs = requireNonNull(subdirs, "subdirs is null");
    }

    /** The channel's name, {@code null} when the record does not say (conda's {@code <unknown>}). */
    public String of(CondaMetaRecord record) {
        String value = record.channel() != null ? record.channel() : record.url();
        if (value == null || UNKNOWN.contains(value.strip())) {
            return null;
        }
        Matcher url = URL.matcher(value.strip());
        if (!url.matches()) {
            return stripSubdir(trimSlashes(value.strip()));
        }
        String scheme = url.group(1).toLowerCase(Locale.ROOT);
        String host = url.group(2).toLowerCase(Locale.ROOT);
        String path = url.group(3) == null ? "" : TOKEN.matcher(url.group(3)).replaceFirst("");
        path = trimSlashes(path);
        if (path.endsWith(".conda") || path.endsWith(".tar.bz2")) {
            int slash = path.lastIndexOf('/');
            path = slash < 0 ? "" : path.substring(0, slash);
        }
        path = stripSubdir(path);
        if (host.equals(CHANNEL_ALIAS_HOST)) {
            return path;
        }
        if (host.equals(DEFAULTS_HOST) && DEFAULTS_PATHS.contains(path)) {
            return "defaults";
        }
        if (host.equals(DEFAULTS_HOST) && (path.equals(CUSTOM_CHANNEL) || path.startsWith(CUSTOM_CHANNEL + "/"))) {
            return path;
        }
        return path.isEmpty() ? scheme + "://" + host : scheme + "://" + host + "/" + path;
    }

    private String stripSubdir(String path) {
        int slash = path.lastIndexOf('/');
        if (slash >= 0 && subdirs.isKnown(path.substring(slash + 1))) {
            return path.substring(0, slash);
        }
        return path;
    }

    private static String trimSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }
}
