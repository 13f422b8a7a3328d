package org.asimov.capture.container;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.asimov.capture.system.HostFiles;
import org.asimov.capture.system.KeyValueFile;
import org.asimov.core.system.ContainerInfo;

/**
 * Says which container runtime, if any, the capture runs under, from what each runtime leaves
 * inside the container. Checked most specific first:
 * <ol>
 *   <li>Singularity/Apptainer: {@code APPTAINER_CONTAINER}/{@code SINGULARITY_CONTAINER} (the image
 *       file's path), {@code APPTAINER_NAME}/{@code SINGULARITY_NAME}, and the {@code /.singularity.d}
 *       directory with {@code labels.json} and the {@code env/*.sh} scripts the build wrote. The image
 *       file is hashed when the container can read it (an image is often on the bind-mounted home).</li>
 *   <li>Kubernetes: {@code KUBERNETES_SERVICE_HOST}, or the service-account directory
 *       {@code /var/run/secrets/kubernetes.io/serviceaccount} (whose {@code namespace} is recorded).</li>
 *   <li>Podman: {@code /run/.containerenv}, which holds {@code engine}, {@code name}, {@code id},
 *       {@code image}, {@code imageid} and {@code rootless} for privileged containers and is empty
 *       otherwise.</li>
 *   <li>Docker: {@code /.dockerenv}, or {@code docker} in the cgroup paths. Docker exposes no image
 *       name inside; the container id is read from the cgroup (v1) or mountinfo (v2).</li>
 *   <li>Anything else that sets systemd's {@code container} variable (lxc, systemd-nspawn).</li>
 * </ol>
 */
public final class ContainerDetector {
    static final Pattern CONTAINER_ID = Pattern.compile("(?:docker[-/]|libpod-|cri-containerd-|crio-|containers/)([0-9a-f]{64})");

    /** Made when a labels.json is read: a mapper's start-up is about 40 ms of a cold process, which no other host needs. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final HostFiles files;

    public ContainerDetector(HostFiles files) {
        this.files = requireNonNull(files, "files is null");
    }

    /** What was detected, and any warning (an image that could not be hashed). */
    public record Detection(ContainerInfo container, List<String> warnings) {
        public Detection {
            requireNonNull(container, "container is null");
            warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        }
    }

    public Detection detect(Map<String, String> environment) {
        requireNonNull(environment, "environment is null");
        List<String> warnings = new ArrayList<>();
        Optional<ContainerInfo> found = singularity(environment, warnings)
                .or(() -> kubernetes(environment))
                .or(this::podman)
                .or(this::docker)
                .or(() -> systemdContainer(environment));
        return new Detection(found.orElse(ContainerInfo.NONE), warnings);
    }

    private Optional<ContainerInfo> singularity(Map<String, String> environment, List<String> warnings) {
        String apptainerImage = environment.get("APPTAINER_CONTAINER");
        String singularityImage = environment.get("SINGULARITY_CONTAINER");
        boolean metadata = files.exists("/.singularity.d");
        if (apptainerImage == null && singularityImage == null && !metadata) {
            return Optional.empty();
        }
        Map<String, String> details = new LinkedHashMap<>();
        labels().forEach((key, value) -> details.put("label." + key, value));
        List<String> scripts = envScripts();
        if (!scripts.isEmpty()) {
            details.put("env_scripts", String.join(",", scripts));
        }
        boolean apptainer = apptainerImage != null || environment.containsKey("APPTAINER_NAME")
                || details.containsKey("label.org.label-schema.usage.apptainer.version");
        String imagePath = apptainerImage != null ? apptainerImage : singularityImage;
        String name = environment.getOrDefault("APPTAINER_NAME", environment.get("SINGULARITY_NAME"));
        String sha256 = null;
        if (imagePath != null) {
            Path image = Path.of(imagePath);
            if (Files.isRegularFile(image)) {
                try {
                    sha256 = FileSha256.of(image);
                } catch (IOException e) {
                    warnings.add("container image " + imagePath + " could not be hashed: " + e.getMessage());
                }
            } else if (Files.isDirectory(image)) {
                details.put("sandbox", "true");
            } else {
                warnings.add("container image " + imagePath + " is not visible inside the container; not hashed");
            }
        }
        return Optional.of(new ContainerInfo(apptainer ? "apptainer" : "singularity", null, name, null,
                imagePath, sha256, details));
    }

    /** {@code labels.json}: a flat object of strings (build date, bootstrap, base image, user labels). */
    private Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        files.read("/.singularity.d/labels.json").ifPresent(text -> {
            try {
                JsonNode root = Json.MAPPER.readTree(text);
                root.fields().forEachRemaining(field -> {
                    if (field.getValue().isValueNode()) {
                        labels.put(field.getKey(), field.getValue().asText());
                    }
                });
            } catch (IOException e) {
                labels.put("unreadable", "labels.json is not JSON");
            }
        });
        return labels;
    }

    private List<String> envScripts() {
        List<String> scripts = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(files.resolve("/.singularity.d/env"), "*.sh")) {
            entries.forEach(entry -> scripts.add(entry.getFileName().toString()));
        } catch (IOException e) {
            // no env directory: nothing to list
        }
        scripts.sort(null);
        return scripts;
    }

    private Optional<ContainerInfo> kubernetes(Map<String, String> environment) {
        String serviceAccount = "/var/run/secrets/kubernetes.io/serviceaccount";
        if (!environment.containsKey("KUBERNETES_SERVICE_HOST") && !files.exists(serviceAccount)) {
            return Optional.empty();
        }
        Map<String, String> details = new LinkedHashMap<>();
        files.readLine(serviceAccount + "/namespace").ifPresent(namespace -> details.put("namespace", namespace));
        return Optional.of(new ContainerInfo("kubernetes", containerId().orElse(null), null, null, null, null, details));
    }

    private Optional<ContainerInfo> podman() {
        Optional<String> text = files.read("/run/.containerenv");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> values = KeyValueFile.parse(text.get());
        Map<String, String> details = new LinkedHashMap<>();
        for (String key : List.of("engine", "name", "rootless")) {
            if (values.containsKey(key)) {
                details.put(key, values.get(key));
            }
        }
        String id = blankToNull(values.get("id"));
        return Optional.of(new ContainerInfo("podman", id != null ? id : containerId().orElse(null),
                blankToNull(values.get("image")), blankToNull(values.get("imageid")), null, null, details));
    }

    private Optional<ContainerInfo> docker() {
        boolean marker = files.exists("/.dockerenv");
        boolean cgroup = files.read("/proc/1/cgroup").map(text -> text.contains("/docker")).orElse(false);
        if (!marker && !cgroup) {
            return Optional.empty();
        }
        return Optional.of(new ContainerInfo("docker", containerId().orElse(null), null, null, null, null, Map.of()));
    }

    private Optional<ContainerInfo> systemdContainer(Map<String, String> environment) {
        String kind = blankToNull(environment.get("container"));
        return kind == null ? Optional.empty()
                : Optional.of(new ContainerInfo(kind, null, null, null, null, null, Map.of()));
    }

    /** The 64-hex container id in the cgroup paths (cgroup v1) or the mount sources (cgroup v2). */
    private Optional<String> containerId() {
        for (String file : List.of("/proc/self/cgroup", "/proc/self/mountinfo")) {
            Optional<String> text = files.read(file);
            if (text.isPresent()) {
                Matcher matcher = CONTAINER_ID.matcher(text.get());
                if (matcher.find()) {
                    return Optional.of(matcher.group(1));
                }
            }
        }
        return Optional.empty();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
