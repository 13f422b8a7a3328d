package org.asimov.capture.conda;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which site-packages anchor each conda record owns: conda's
 * {@code get_conda_anchor_files_and_records}. A record owns a distribution when its
 * {@code files} list holds {@code <site-packages>/<one name>.dist-info/RECORD},
 * {@code …egg-info/PKG-INFO} or a {@code …egg-info} file directly in site-packages; with
 * several, the longest path is its anchor.
 */
public final class CondaOwnedAnchors {
    private static final Logger log = LoggerFactory.getLogger(CondaOwnedAnchors.class);

    /** anchor path → owning record, for {@code records} (conda passes only python's dependents). */
    public Map<String, CondaMetaRecord> of(Collection<CondaMetaRecord> records, String sitePackagesShortPath) {
        Pattern anchor = Pattern.compile("^" + Pattern.quote(sitePackagesShortPath)
                + "/[^/]+(?:\\.egg-info/PKG-INFO|\\.dist-info/RECORD|\\.egg-info)$");
        Map<String, CondaMetaRecord> owned = new HashMap<>();
        for (CondaMetaRecord record : records) {
            List<String> anchors = new ArrayList<>();
            for (String file : record.files()) {
                if (anchor.matcher(file).matches()) {
                    anchors.add(file);
                }
            }
            if (anchors.isEmpty()) {
                continue;
            }
            // Python's max() keeps the first of equally long candidates; len() counts code points.
            String longest = anchors.get(0);
            for (String candidate : anchors) {
                if (candidate.codePointCount(0, candidate.length()) > longest.codePointCount(0, longest.length())) {
                    longest = candidate;
                }
            }
            if (anchors.size() > 1) {
                log.info("package {} has multiple python anchor files, using {}", record.fileName(), longest);
            }
            owned.put(longest, record);
        }
        return owned;
    }
}
