package org.asimov.capture.variables;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Environment variables as they may be written down: the value of a variable whose name looks
 * like a secret ({@code *TOKEN*}, {@code *SECRET*}, {@code *PASSWORD*}, {@code *KEY*}, any case)
 * is replaced whole by {@value #REDACTED}; in every other value, credentials inside URLs are
 * replaced: the password of {@code scheme://user:password@host} becomes {@value #REDACTED}, and a
 * user part without a password ({@code https://ghp_token@github.com}) is redacted whole, since
 * that is where tokens are put.
 *
 * <p>The name rule errs on the side of hiding: {@code KEYBOARD_LAYOUT} or {@code MONKEYPATCH}-like
 * names that merely contain {@code KEY} lose their value too.
 */
public final class RedactedVariables {
    public static final String REDACTED = "***";
    private static final Pattern SECRET_NAME = Pattern.compile("TOKEN|SECRET|PASSWORD|KEY");
    /** scheme://userinfo@: up to the last @ before a slash or blank, so a password holding an @ is covered whole */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/\\s]+)@");

    private RedactedVariables() {
    }

    public static SortedMap<String, String> of(Map<String, String> environment) {
        SortedMap<String, String> redacted = new TreeMap<>();
        environment.forEach((name, value) -> redacted.put(name, redact(name, value)));
        return redacted;
    }

    static String redact(String name, String value) {
        if (SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).find()) {
            return REDACTED;
        }
        Matcher matcher = URL_CREDENTIALS.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String userinfo = matcher.group(2);
            int colon = userinfo.indexOf(':');
            String kept = colon < 0 ? REDACTED : userinfo.substring(0, colon) + ":" + REDACTED;
            matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(1) + kept + "@"));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
